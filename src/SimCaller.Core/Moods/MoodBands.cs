namespace SimCaller.Core.Moods;

/// <summary>
/// Where the customer's anger (0-100) changes mood band. One table for everything that reads a mood
/// off an anger value: the mood machine, the voice's prosody, listings.
/// </summary>
public static class MoodBands
{
    /// <summary>Anger at which each band starts; below <see cref="AnnoyedFrom"/> the customer is calm.</summary>
    public const int AnnoyedFrom = 20, FrustratedFrom = 40, AngryFrom = 60, FuriousFrom = 80;

    /// <summary>The band's index, calmest first: 0 calm, 1 annoyed, 2 frustrated, 3 angry, 4 furious.</summary>
    public static int Of(int anger) => anger switch
    {
        < AnnoyedFrom => 0,
        < FrustratedFrom => 1,
        < AngryFrom => 2,
        < FuriousFrom => 3,
        _ => 4,
    };
}
