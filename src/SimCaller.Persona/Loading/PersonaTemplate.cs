using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;

namespace SimCaller.Persona.Loading;

/// <summary>
/// The commented starting file `simcaller personas new ID` writes. It loads with every default spelled
/// out; lint names exactly what is left to fill: the name, the opening lines, the need, the facts and
/// the lines of each reaction (docs/personas.md explains every key).
/// </summary>
public static class PersonaTemplate
{
    public static string Render(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var reactions = string.Join("\n", ReactionKeys.All.Select(key => $"    {key}: {{}}"));
        var weights = string.Join("\n", TechniqueIds.All.Select(t => $"  {t.ToId()}: {Mood.MoodTuning.DefaultWeights[t]:0}"));
        return $$"""
            # {{id}}: a practice customer. Guide: docs/personas.md. Check it with:
            #   simcaller personas lint personas/{{id}}.yaml
            # Lint lists what is still to fill, each with its line. Keys left out take the defaults shown here.
            id: {{id}}
            name: ""              # required: the name trainees see, e.g. "Margaret Ellis"
            summary: ""           # one line for menus ("press 1 for ...")

            scenario:
              company: ""         # spoken in fallback lines ("You're <company>!")
              product: ""         # a noun phrase, spoken in fallback lines ("my <product>"): "water bill", "the Premium plan"
              problem: ""         # what went wrong, a sentence or two
              keywords: []        # the problem's words: speech hints on the phone, paraphrase detection
              facts:              # what the customer can tell the agent when asked
                - topic: ""       # required: "account number"
                  keywords: []    # required: words a trainee uses to ask for it: [account, account number]
                  value: ""       # "{value}" in an answer is replaced by this
                  answers: []     # how they say it, in character: ["It's {value}, love."]

            personality: ""
            speaking_style: ""
            opening_lines: []     # required: at least one; one is picked per call

            needs:
              core: ""            # required: what must happen for the call to be resolved
              core_keywords: []   # required: any ONE of these in the trainee's offer meets the need (any-of)
              # For a need in several parts that must ALL be met, use core_parts instead of core_keywords:
              # core_parts:
              #   - name: meter check
              #     keywords: [check the meter, send an engineer]
              #   - name: bill paused
              #     keywords: [pause the bill, put the bill on hold]
              partial: ""         # what they will grudgingly accept instead
              partial_keywords: []
              anger_floor: 40     # anger cannot fall below this until the core need is met
              resolved_below: 25  # with the need met, at or below this anger the customer is satisfied
              close_after_turns: 3 # once satisfied, turns they wait for the trainee's close before ending it themselves

            starting_anger: 60    # 0-100; bands: calm <20, annoyed <40, frustrated <60, angry <80, furious 80+

            # Anger points each time the trainee uses a move (before difficulty). Negative calms, positive
            # inflames; these are the engine's defaults.
            weights:
            {{weights}}

            behaviours:
              abusive: false      # true: insults, boundaries count, the agent may end the call after a warning
              insults_above: null
              demands_manager_above: null
              threatens_online_above: null
              tangent_chance: 0   # 0-1 per customer turn
              insults: []
              manager_demands: []
              online_threats: []
              tangents: []

            patience:
              furious_turns: 3    # turns spent furious before hanging up
              silent_turns: 3     # silent trainee turns in a row tolerated
              max_turns: 30
              expected_minutes: 8

            voice:
              twilio: Polly.Joanna
              azure: en-US-JennyNeural
              language: en-US
              relay:              # streaming calls (ConversationRelay); empty: the Polly voice as Amazon Joanna-Neural
                provider: amazon  # google | amazon | elevenlabs
                voice: Joanna-Neural

            # Streaming calls only: interruptions both ways.
            interruptions:
              talk_over:          # the trainee cutting in on the customer counts as talk_over when...
                moods: [frustrated, angry, furious]   # ...the customer was in one of these moods,
                heard_below: 0.85                     # ...had said less than this share of the line,
                tolerated: 0                          # ...and this many such interruptions already passed
              cut_in:             # the customer cutting in on a long answer
                moods: [furious]
                after_words: 40
                lines:
                  - "Hang on, you're not listening to me."

            # Level names are yours; --difficulty takes them as written here.
            difficulties:
              easy:
                description: ""
                calming_factor: 1.4
                inflaming_factor: 0.7
                starting_anger_offset: -12
                patience_factor: 1.5
                floor_offset: -10
              standard:
                description: ""
                calming_factor: 1.0
                inflaming_factor: 1.0
                starting_anger_offset: 0
                patience_factor: 1.0
                floor_offset: 0
              hard:
                description: ""
                calming_factor: 0.7
                inflaming_factor: 1.4
                starting_anger_offset: 12
                patience_factor: 0.67
                floor_offset: 8
            default_difficulty: standard

            rubric:
              enable: []          # rubric criterion ids, e.g. boundaries
              disable: []

            # Example better lines for the debrief, by rubric criterion or technique id, in this customer's world:
            # coaching:
            #   empathy: ["A bill three times the usual would frighten anyone. Let's look at it together."]
            coaching: {}

            # What the customer says, by reaction, then by mood (calm, annoyed, frustrated, angry, furious):
            #   empathy:
            #     calm: ["Thank you, dear."]
            #     furious: ["[calm down] Don't you tell me to calm down!", "Words won't pay my bill."]
            # A line starting with [phrase|other phrase] is said only when the trainee used one of the phrases.
            lines:
              reminders: []       # sentences that press the need
              reactions:
            {{reactions}}

            """;
    }
}
