namespace SimCaller.Persona.Mood;

/// <summary>The customer's mood band, driven by anger 0-100. Ids are the lowercase names.</summary>
public enum MoodState
{
    Calm,
    Annoyed,
    Frustrated,
    Angry,
    Furious,
}
