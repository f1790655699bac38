namespace SimCaller.Persona.Definitions;

/// <summary>
/// A practice customer, as a trainer writes it in personas/ID.yaml (snake_case keys).
/// Validation lives in the loader; this type is plain data.
/// </summary>
public sealed class PersonaDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>One line for menus ("press 1 for ...") and `personas list`.</summary>
    public string Summary { get; set; } = "";
    public Scenario Scenario { get; set; } = new();
    public string Personality { get; set; } = "";
    public string SpeakingStyle { get; set; } = "";
    /// <summary>How the customer opens the call; one is picked per call (seeded).</summary>
    public List<string> OpeningLines { get; set; } = [];
    public Needs Needs { get; set; } = new();
    /// <summary>Anger 0-100 at the start of the call, before difficulty.</summary>
    public int StartingAnger { get; set; } = 60;
    /// <summary>
    /// Technique id (shared/spec/techniques.md) to anger points per occurrence, before difficulty.
    /// Negative calms, positive inflames. Techniques left out use the engine's defaults.
    /// </summary>
    public Dictionary<string, double> Weights { get; set; } = [];
    public Behaviours Behaviours { get; set; } = new();
    public Patience Patience { get; set; } = new();
    public VoiceSettings Voice { get; set; } = new();
    /// <summary>How the customer takes being cut off, and when they cut in themselves (streaming calls).</summary>
    public Interruptions Interruptions { get; set; } = new();
    /// <summary>Difficulty levels by name (e.g. easy, standard, hard).</summary>
    public Dictionary<string, DifficultyLevel> Difficulties { get; set; } = [];
    public string DefaultDifficulty { get; set; } = "standard";
    /// <summary>What the offline engine says, by reaction and mood.</summary>
    public ReplyLines Lines { get; set; } = new();
    /// <summary>Rubric criteria this persona switches on or off (boundaries only matter with abuse).</summary>
    public RubricToggles Rubric { get; set; } = new();
    /// <summary>
    /// Example better lines for the debrief, in this customer's world, by rubric criterion id or reaction
    /// key ("empathy", "expectations", "dismissive"). Read them through <see cref="PersonaCoaching.CoachingFor"/>,
    /// which falls back to lines built from the scenario.
    /// </summary>
    public Dictionary<string, List<string>> Coaching { get; set; } = [];

    /// <summary>The file this persona was loaded from (not part of the YAML).</summary>
    public string? SourceFile { get; set; }

    /// <summary>The YAML text this persona was read from (not part of the YAML), so a session can keep the persona as it was played.</summary>
    public string? SourceText { get; set; }
}

public sealed class Scenario
{
    public string Company { get; set; } = "";
    public string Product { get; set; } = "";
    /// <summary>What went wrong, in a sentence or two.</summary>
    public string Problem { get; set; } = "";
    /// <summary>Facts the customer knows: names, dates, booking or order numbers.</summary>
    public List<Fact> Facts { get; set; } = [];
    /// <summary>The problem's vocabulary: speech hints for the phone, paraphrase detection.</summary>
    public List<string> Keywords { get; set; } = [];
}

/// <summary>Something the customer can tell the agent when asked.</summary>
public sealed class Fact
{
    /// <summary>Short name ("booking reference").</summary>
    public string Topic { get; set; } = "";
    /// <summary>Words in a trainee question that ask for this fact.</summary>
    public List<string> Keywords { get; set; } = [];
    /// <summary>The value ("QX7R2M").</summary>
    public string Value { get; set; } = "";
    /// <summary>How the customer says it, in character; "{value}" is replaced by the value.</summary>
    public List<string> Answers { get; set; } = [];
    /// <summary>Questions a trainee might ask for this fact, in everyday words: the customer matches questions to facts by meaning.</summary>
    public List<string> Examples { get; set; } = [];
}

public sealed class Needs
{
    /// <summary>What must happen for the call to be resolved.</summary>
    public string Core { get; set; } = "";
    /// <summary>Words in a trainee's solution that address the core need: any one of them is enough (any-of).</summary>
    public List<string> CoreKeywords { get; set; } = [];
    /// <summary>
    /// A core need in several parts (all-of): it is met only once every part has been offered, in any
    /// order and over any number of turns. Use instead of <see cref="CoreKeywords"/>.
    /// </summary>
    public List<NeedPart> CoreParts { get; set; } = [];
    /// <summary>What the customer will grudgingly accept instead.</summary>
    public string Partial { get; set; } = "";
    public List<string> PartialKeywords { get; set; } = [];
    /// <summary>Anger cannot fall below this until the core need is addressed.</summary>
    public int AngerFloor { get; set; } = 40;
    /// <summary>Anger at or below which, with the core need met, the customer considers the call resolved.</summary>
    public int ResolvedBelow { get; set; } = 25;
    /// <summary>
    /// Once satisfied, trainee turns the customer stays on the line for the close (next steps, a check,
    /// goodbye) before closing the call themselves.
    /// </summary>
    public int CloseAfterTurns { get; set; } = 3;
}

/// <summary>One part of a core need that takes several ("a meter check" and "the bill paused").</summary>
public sealed class NeedPart
{
    /// <summary>Short name, as the debrief reports a missing part ("meter check").</summary>
    public string Name { get; set; } = "";
    /// <summary>Words in a trainee's solution that offer this part (any-of within the part).</summary>
    public List<string> Keywords { get; set; } = [];
}

public sealed class Behaviours
{
    /// <summary>True for callers who insult and swear: boundaries and agent-ended calls apply.</summary>
    public bool Abusive { get; set; }
    /// <summary>Anger from which the customer insults the agent (abusive callers), or null for never.</summary>
    public int? InsultsAbove { get; set; }
    public int? DemandsManagerAbove { get; set; }
    public int? ThreatensOnlineAbove { get; set; }
    /// <summary>Chance (0-1) per customer turn of wandering off topic.</summary>
    public double TangentChance { get; set; }
    public List<string> Insults { get; set; } = [];
    public List<string> ManagerDemands { get; set; } = [];
    public List<string> OnlineThreats { get; set; } = [];
    public List<string> Tangents { get; set; } = [];
}

public sealed class Patience
{
    /// <summary>Customer turns spent furious before they hang up.</summary>
    public int FuriousTurns { get; set; } = 3;
    /// <summary>Silent trainee turns in a row the customer tolerates before hanging up.</summary>
    public int SilentTurns { get; set; } = 3;
    /// <summary>Trainee turns before the call hits its time limit.</summary>
    public int MaxTurns { get; set; } = 30;
    /// <summary>Minutes after which the call counts as running long (the customer gets restless).</summary>
    public double ExpectedMinutes { get; set; } = 8;
    /// <summary>A hold up to this long ("one moment while I check") is fine; longer, the customer minds.</summary>
    public double HoldOkSeconds { get; set; } = 45;
    /// <summary>A hold this long or longer and the customer gives up waiting and hangs up.</summary>
    public double HoldHangUpSeconds { get; set; } = 300;
    /// <summary>Turns in a row that make no progress ("okay", "one moment") an upset customer lets pass.</summary>
    public int StallingTurns { get; set; } = 1;
    /// <summary>Anger points, before difficulty, that each further no-progress turn adds while the customer is upset.</summary>
    public double StallingAnger { get; set; } = 4;
}

public sealed class VoiceSettings
{
    /// <summary>Twilio &lt;Say&gt; voice, e.g. Polly.Joanna (standard voices allow pitch in SSML).</summary>
    public string Twilio { get; set; } = "Polly.Joanna";
    /// <summary>Azure neural voice with expressive styles, e.g. en-US-JennyNeural.</summary>
    public string Azure { get; set; } = "en-US-JennyNeural";
    public string Language { get; set; } = "en-US";
    /// <summary>The voice on a streaming (ConversationRelay) call; see <see cref="RelayVoice"/>.</summary>
    public RelayVoice Relay { get; set; } = new();
}

/// <summary>Scales a persona: how fast they calm, how hard they flare, how long they last.</summary>
public sealed class DifficultyLevel
{
    public string Description { get; set; } = "";
    /// <summary>Multiplies the calming effect of helpful moves.</summary>
    public double CalmingFactor { get; set; } = 1.0;
    /// <summary>Multiplies the inflaming effect of harmful moves and events.</summary>
    public double InflamingFactor { get; set; } = 1.0;
    /// <summary>Added to the persona's starting anger.</summary>
    public int StartingAngerOffset { get; set; }
    /// <summary>Multiplies patience (furious turns, silent turns).</summary>
    public double PatienceFactor { get; set; } = 1.0;
    /// <summary>Added to the anger floor that holds until the core need is met.</summary>
    public int FloorOffset { get; set; }
}

/// <summary>
/// The offline engine's material. Each reaction maps mood state (calm, annoyed, frustrated, angry,
/// furious) to candidate lines; a reaction may give only some moods, the engine falls back to the
/// nearest one. Reaction keys are technique ids (what the customer answers to) plus call moments:
/// opening is separate; "neutral", "silence", "talk_over", "long_hold", "hang_up", "resolved", "escalated",
/// "ended_by_agent", "repeated" (same move again), "partial_solution", "unanswered_question".
/// <para>
/// A line that echoes the trainee's words starts with a cue of trigger phrases in square brackets,
/// separated by '|': <c>"[calm down|relax] Calm down? CALM DOWN?"</c>. It is said only when the
/// trainee's last words contain one of the phrases (whole words; case, punctuation, apostrophes and
/// fillers such as "um" do not matter), and then ahead of the uncued lines. Uncued lines must fit any
/// wording of the reaction, so give every mood some. See <see cref="ReplyLine"/>.
/// </para>
/// </summary>
public sealed class ReplyLines
{
    public Dictionary<string, Dictionary<string, List<string>>> Reactions { get; set; } = [];
    /// <summary>Sentences the customer adds to press their need ("I need to be in Denver by nine").</summary>
    public List<string> Reminders { get; set; } = [];
}

public sealed class RubricToggles
{
    public List<string> Enable { get; set; } = [];
    public List<string> Disable { get; set; } = [];
}
