namespace SimCaller.Practice;

/// <summary>
/// A trainee turn taken, its answer still being spoken (see <see cref="PracticeService.BeginTurnAsync"/>).
/// <see cref="Preview"/> has the mood and outcome the turn reached (its line is empty); read the
/// <see cref="Reply"/> once, then <see cref="CommitAsync"/> with what the customer actually said, which is
/// what the transcript, the debrief and a retry of the same request get.
/// </summary>
public sealed class StreamingTurn(TurnResult preview, IAsyncEnumerable<string> reply, Func<string, CancellationToken, Task<TurnResult>> commit)
{
    private int _committed;

    /// <summary>The turn's mood, outcome and labels; on a repeated request, the stored result itself.</summary>
    public TurnResult Preview { get; } = preview;

    /// <summary>The customer's words in pieces as they are written (sentences from the offline engine, tokens from a model).</summary>
    public IAsyncEnumerable<string> Reply { get; } = reply;

    public bool IsOver => Preview.IsOver;

    /// <summary>
    /// Stores the turn with <paramref name="said"/> as the customer's line. Once only; after a failure (a
    /// database outage) it may be called again, and the turn's request key keeps a write that did land from
    /// being applied twice.
    /// </summary>
    /// <exception cref="InvalidOperationException">Stored already, or being stored.</exception>
    public async Task<TurnResult> CommitAsync(string said, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(said);
        if (Interlocked.Exchange(ref _committed, 1) == 1)
        {
            throw new InvalidOperationException("This turn is stored already.");
        }
        try
        {
            return await commit(said, ct);
        }
        catch
        {
            Volatile.Write(ref _committed, 0);
            throw;
        }
    }
}
