using Microsoft.Extensions.Options;

namespace SimCaller.Api.Twilio;

/// <summary>Twilio:DatabaseTimeoutSeconds: how long a webhook waits on the database before it keeps the call without it.</summary>
public sealed class DatabaseTimeoutOptions
{
    public const double DefaultSeconds = 3;
    public const double MinSeconds = 0.5;
    // Twilio gives up on a webhook after 15 s; a turn may also wait on a language model (Model:TimeoutSeconds).
    public const double MaxSeconds = 10;

    /// <summary>Past this, one database call counts as an outage: the caller hears that the line broke up and is asked again.</summary>
    public double DatabaseTimeoutSeconds { get; set; } = DefaultSeconds;

    public TimeSpan DatabaseTimeout => TimeSpan.FromSeconds(DatabaseTimeoutSeconds);

    public sealed class Validator : IValidateOptions<DatabaseTimeoutOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseTimeoutOptions options) =>
            options.DatabaseTimeoutSeconds is >= MinSeconds and <= MaxSeconds
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{TwilioOptions.Section}:DatabaseTimeoutSeconds is {options.DatabaseTimeoutSeconds}; give {MinSeconds} to {MaxSeconds} seconds "
                    + $"(default {DefaultSeconds}), well inside the 15 s Twilio waits for a webhook.");
    }
}
