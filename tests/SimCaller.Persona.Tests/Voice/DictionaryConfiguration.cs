using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace SimCaller.Persona.Tests.Voice;

/// <summary>Flat "Section:Key" settings as IConfiguration (the project carries only the abstractions).</summary>
internal sealed class DictionaryConfiguration(IReadOnlyDictionary<string, string?> values, string path = "") : IConfigurationSection
{
    public string? this[string key]
    {
        get => values.TryGetValue(Combine(key), out var value) ? value : null;
        set => throw new NotSupportedException("Test configuration is read-only.");
    }

    public string Key => path.Split(':')[^1];

    public string Path => path;

    public string? Value
    {
        get => values.TryGetValue(path, out var value) ? value : null;
        set => throw new NotSupportedException("Test configuration is read-only.");
    }

    public IConfigurationSection GetSection(string key) => new DictionaryConfiguration(values, Combine(key));

    public IEnumerable<IConfigurationSection> GetChildren() =>
        values.Keys
            .Where(k => path.Length == 0 || k.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase))
            .Select(k => k[(path.Length == 0 ? 0 : path.Length + 1)..].Split(':')[0])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(GetSection);

    public IChangeToken GetReloadToken() => new CancellationChangeToken(CancellationToken.None);

    private string Combine(string key) => path.Length == 0 ? key : path + ":" + key;
}
