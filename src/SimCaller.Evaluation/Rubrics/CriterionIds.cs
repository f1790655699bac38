namespace SimCaller.Evaluation.Rubrics;

/// <summary>The criteria ids of the shipped rubric; personas toggle them by these names.</summary>
public static class CriterionIds
{
    public const string ActiveListening = "active_listening";
    public const string Empathy = "empathy";
    public const string Ownership = "ownership";
    public const string Solutions = "solutions";
    public const string Expectations = "expectations";
    public const string ProfessionalTone = "professional_tone";
    public const string AvoidingCliches = "avoiding_cliches";
    public const string EarsFlow = "ears_flow";
    public const string Boundaries = "boundaries";
    public const string StayingOnTrack = "staying_on_track";
    public const string Escalation = "escalation";
}
