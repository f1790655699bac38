using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SimCaller.Persona.Loading;

namespace SimCaller.Persona.Library;

/// <summary>
/// The persona folder as trainers edit it from the browser: every file (one with errors too, so it can be
/// fixed), checked with the same rules as <c>simcaller personas lint</c>, and saved safely. A save is refused
/// when the text has errors, when it changes the customer's id, or when the file changed since the editor
/// read it; otherwise it replaces the file atomically (a temporary file in the same folder, renamed over it)
/// and reloads the catalog at once. Sessions are untouched: each keeps the persona text it was played with.
/// </summary>
public sealed partial class PersonaLibrary
{
    /// <summary>Far above any real persona (the shipped ones are about 40 KB); more is a paste gone wrong.</summary>
    public const int MaxChars = 256 * 1024;

    // One save at a time per folder in this process, so the version check and the rename cannot interleave.
    private static readonly ConcurrentDictionary<string, object> SaveGates = new(StringComparer.Ordinal);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly PersonaCatalog _catalog;
    private readonly PersonaCheckOptions? _options;

    /// <param name="catalog">The catalog trainees are served from; its folder is the library's, and a save reloads it.</param>
    /// <param name="options">What lint checks against beyond the file (the rubric's criterion ids), as the CLI passes it.</param>
    public PersonaLibrary(PersonaCatalog catalog, PersonaCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _options = options;
    }

    public string Directory => _catalog.Directory;

    /// <summary>Every persona file of the folder, in file-name order, each with its problems.</summary>
    public IReadOnlyList<PersonaFile> List()
    {
        var scan = Scan();
        return scan.Select(entry => Lint(entry, scan)).ToArray();
    }

    /// <summary>The file with this key (case-insensitive), or null.</summary>
    public PersonaFile? Find(string key)
    {
        var scan = Scan();
        return FindEntry(scan, key) is { } entry ? Lint(entry, scan) : null;
    }

    /// <summary>
    /// Lint of <paramref name="text"/> as the new content of <paramref name="file"/>, nothing written: the
    /// problems a save would refuse (errors) or show (warnings), in line order.
    /// </summary>
    public IReadOnlyList<PersonaProblem> Check(PersonaFile file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        var scan = Scan();
        var entry = scan.FirstOrDefault(e => e.Path == file.Path) ?? Entry.From(file);
        return CheckText(entry, Normalize(text, entry.Text), scan);
    }

    /// <summary>
    /// Replaces the file with <paramref name="text"/> when it has no errors, keeps its id, and the file is still
    /// at <paramref name="expectedVersion"/>; then reloads the catalog. Line endings follow the file's own.
    /// </summary>
    /// <exception cref="IOException">The file could not be written; it is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable; the file is unchanged.</exception>
    public PersonaSaveResult Save(string key, string text, string expectedVersion)
    {
        lock (SaveGates.GetOrAdd(Directory, _ => new object()))
        {
            var scan = Scan();
            if (FindEntry(scan, key) is not { } entry)
            {
                return new PersonaSaveResult(PersonaSaveOutcome.Missing, [], null);
            }
            if (!string.Equals(entry.Version, expectedVersion?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return new PersonaSaveResult(PersonaSaveOutcome.Conflict, [], Lint(entry, scan));
            }
            var content = Normalize(text, entry.Text);
            var problems = CheckText(entry, content, scan);
            if (problems.Any(p => !p.IsWarning))
            {
                return new PersonaSaveResult(PersonaSaveOutcome.Invalid, problems, Lint(entry, scan));
            }
            WriteAtomically(entry.Path, entry.Bom ? [.. ByteOrderMark, .. Utf8.GetBytes(content)] : Utf8.GetBytes(content));
            // Now, not when the watcher's debounce fires: the next page must show what was saved.
            _catalog.Reload();
            var after = Scan();
            var saved = after.First(e => e.Path == entry.Path);
            return new PersonaSaveResult(PersonaSaveOutcome.Saved, problems, Lint(saved, after));
        }
    }

    /// <summary>The version a save names: SHA-256 (hex, lowercase) of the file's bytes.</summary>
    public static string VersionOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static Entry? FindEntry(IReadOnlyList<Entry> scan, string key) =>
        scan.FirstOrDefault(e => string.Equals(e.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the folder: text, version and declared id of each file, and which file owns each id.</summary>
    private IReadOnlyList<Entry> Scan()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }
        string[] files;
        try
        {
            files = PersonaLoader.PersonaFiles(Directory).ToArray();
        }
        catch (IOException)
        {
            return [];
        }
        var read = new List<Entry>(files.Length);
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in files)
        {
            byte[] bytes;
            string? readError = null;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (e is FileNotFoundException or DirectoryNotFoundException)
                {
                    continue; // deleted since the listing
                }
                (bytes, readError) = ([], $"cannot read the file: {e.Message}");
            }
            var bom = bytes.AsSpan().StartsWith(ByteOrderMark);
            var text = Utf8.GetString(bom ? bytes.AsSpan(ByteOrderMark.Length) : bytes);
            var (id, idLine) = DeclaredId(text);
            var owns = id is not null && owners.TryAdd(id, Path.GetFileName(path));
            read.Add(new Entry("", Path.GetFileName(path), path, id, owns, idLine, text, VersionOf(bytes), bom, readError));
        }
        // Owned ids first, so a file that lost its id to an earlier one never takes another file's key.
        var keys = new HashSet<string>(read.Where(e => e.OwnsId).Select(e => e.Id!), StringComparer.OrdinalIgnoreCase);
        return read.Select(e =>
        {
            if (e.OwnsId)
            {
                return e with { Key = e.Id! };
            }
            var stem = Path.GetFileNameWithoutExtension(e.FileName);
            var key = keys.Add(stem) ? stem : e.FileName;
            keys.Add(key);
            return e with { Key = key };
        }).ToArray();
    }

    private PersonaFile Lint(Entry entry, IReadOnlyList<Entry> scan)
    {
        var offered = _catalog.All.FirstOrDefault(p => string.Equals(p.SourceFile, entry.Path, StringComparison.Ordinal));
        if (entry.ReadError is { } error)
        {
            return entry.ToFile(null, offered, [new PersonaProblem(entry.FileName, null, null, error)]);
        }
        var loaded = PersonaLoader.Parse(entry.Text, entry.FileName, _options);
        var problems = loaded.Problems.Concat(loaded.Warnings).ToList();
        var persona = loaded.Persona;
        if (entry.Id is { } id && !entry.OwnsId && Owner(scan, id, entry) is { } owner)
        {
            // The catalog leaves such a file out too: the earlier file is the customer with this id.
            problems.Add(PersonaLoader.DuplicateId(entry.FileName, entry.IdLine, id, owner.FileName));
            persona = null;
        }
        if (persona is not null)
        {
            persona.SourceFile = entry.Path;
        }
        return entry.ToFile(persona, offered, InLineOrder(problems));
    }

    private IReadOnlyList<PersonaProblem> CheckText(Entry entry, string text, IReadOnlyList<Entry> scan)
    {
        if (text.Length > MaxChars)
        {
            return [new PersonaProblem(entry.FileName, null, null,
                $"the text is {text.Length / 1024} KB; a persona file may be at most {MaxChars / 1024} KB")];
        }
        var loaded = PersonaLoader.Parse(text, entry.FileName, _options);
        var problems = loaded.Problems.Concat(loaded.Warnings).ToList();
        var (declared, declaredLine) = DeclaredId(text);
        var id = loaded.Persona?.Id ?? declared;
        var line = loaded.IdLine ?? declaredLine;
        if (id is not null && entry is { OwnsId: true, Id: { } current } && !string.Equals(id, current, StringComparison.Ordinal))
        {
            problems.Add(new PersonaProblem(entry.FileName, line, "id",
                $"the id cannot change: this file is the customer '{current}', and sessions, session codes and assignments " +
                $"name it by that id. Keep 'id: {current}'; for a new customer, start a new file (simcaller personas new ID)"));
        }
        else if (id is not null && Owner(scan, id, entry) is { } owner)
        {
            problems.Add(PersonaLoader.DuplicateId(entry.FileName, line, id, owner.FileName));
        }
        return InLineOrder(problems);
    }

    /// <summary>The other file that owns this id, if any.</summary>
    private static Entry? Owner(IReadOnlyList<Entry> scan, string id, Entry except) =>
        scan.FirstOrDefault(e => e.OwnsId && e.Path != except.Path && string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase));

    private static PersonaProblem[] InLineOrder(IEnumerable<PersonaProblem> problems) =>
        problems.OrderBy(p => p.Line ?? 0).ThenBy(p => p.IsWarning).ToArray();

    /// <summary>
    /// A browser sends a textarea with CRLF line breaks: the file keeps the line endings it had (LF unless it
    /// used CRLF), and ends with a line break.
    /// </summary>
    private static string Normalize(string? text, string original)
    {
        var lf = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (lf.Length > 0 && !lf.EndsWith('\n'))
        {
            lf += "\n";
        }
        return original.Contains("\r\n", StringComparison.Ordinal) ? lf.Replace("\n", "\r\n", StringComparison.Ordinal) : lf;
    }

    /// <summary>Readers (the catalog, a running call starting) see the old file or the new one, never half of one.</summary>
    private static void WriteAtomically(string path, byte[] content)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The top-level <c>id:</c> and its line, read without the YAML parser so a broken file still has one.</summary>
    private static (string? Id, int? Line) DeclaredId(string text)
    {
        var match = IdLine().Match(text);
        if (!match.Success)
        {
            return (null, null);
        }
        var id = match.Groups["id"].Value.Trim();
        var line = 1 + text.AsSpan(0, match.Index).Count('\n');
        return (id.Length == 0 ? null : id, line);
    }

    [GeneratedRegex("""^id:[ \t]*(?:"(?<id>[^"\r\n]*)"|'(?<id>[^'\r\n]*)'|(?<id>[^\s#'"][^\r\n#]*?))[ \t]*(?:#[^\r\n]*)?\r?$""", RegexOptions.Multiline)]
    private static partial Regex IdLine();

    private sealed record Entry(string Key, string FileName, string Path, string? Id, bool OwnsId, int? IdLine, string Text, string Version, bool Bom, string? ReadError)
    {
        public static Entry From(PersonaFile file) =>
            new(file.Key, file.FileName, file.Path, file.Id, file.OwnsId, null, file.Text, file.Version, false, null);

        public PersonaFile ToFile(Definitions.PersonaDefinition? persona, Definitions.PersonaDefinition? offered, IReadOnlyList<PersonaProblem> problems) =>
            new(Key, FileName, Path, Id, OwnsId, Text, Version, persona, offered, problems);
    }
}
