using SimCaller.Persona.Definitions;

namespace SimCaller.Persona.Loading;

/// <summary>
/// The personas on offer, kept current while trainers edit the files. Readers always see one
/// consistent set; a bad edit keeps the last good version of that persona and reports the problem.
/// </summary>
public sealed class PersonaCatalog : IDisposable
{
    private static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(300);

    private readonly object _reloadGate = new();
    private readonly TimeSpan _debounce;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _timer;
    private Dictionary<string, PersonaDefinition> _lastGoodByFile = new(StringComparer.Ordinal);
    private volatile Contents _contents = Contents.Empty;
    private bool _disposed;
    private volatile int _notifyingThread;

    /// <param name="directory">The persona folder (see <see cref="PersonaLocator.ResolveDirectory"/>).</param>
    /// <param name="watch">Reload when files change; off for one-shot tools.</param>
    /// <param name="debounce">Quiet time after the last change before reloading (editors write in bursts); 300 ms by default.</param>
    public PersonaCatalog(string directory, bool watch = true, TimeSpan? debounce = null)
    {
        Directory = Path.GetFullPath(directory);
        _debounce = debounce ?? DefaultDebounce;
        _timer = new Timer(_ => ReloadAndNotify());
        Reload();
        if (watch && System.IO.Directory.Exists(Directory))
        {
            _watcher = new FileSystemWatcher(Directory)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            _watcher.Changed += OnFileEvent;
            _watcher.Created += OnFileEvent;
            _watcher.Deleted += OnFileEvent;
            _watcher.Renamed += OnFileEvent;
            _watcher.Error += (_, _) => ScheduleReload(); // events were lost: rescan everything
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>Raised after a reload caused by a file change, on a background thread.</summary>
    public event EventHandler? Changed;

    public string Directory { get; }

    /// <summary>Personas in file-name order.</summary>
    public IReadOnlyList<PersonaDefinition> All => _contents.All;

    public IReadOnlyList<string> Ids => _contents.Ids;

    /// <summary>Problems found by the latest load (empty when every file is fine).</summary>
    public IReadOnlyList<PersonaProblem> Problems => _contents.Problems;

    /// <summary>The persona with this id (case-insensitive), or null.</summary>
    public PersonaDefinition? Find(string id) =>
        _contents.ById.TryGetValue(id.Trim(), out var persona) ? persona : null;

    /// <summary>Reads the folder again now (the watcher does this by itself).</summary>
    public void Reload()
    {
        lock (_reloadGate)
        {
            if (!System.IO.Directory.Exists(Directory))
            {
                _contents = new Contents([], [new PersonaProblem(Directory, null, null, "persona directory not found")]);
                return;
            }
            var personas = new List<PersonaDefinition>();
            var problems = new List<PersonaProblem>();
            var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var lastGood = new Dictionary<string, PersonaDefinition>(StringComparer.Ordinal);
            foreach (var file in SafeList())
            {
                var loaded = PersonaLoader.Load(file);
                problems.AddRange(loaded.Problems);
                var persona = loaded.Persona;
                if (persona is null && _lastGoodByFile.TryGetValue(file, out var previous))
                {
                    persona = previous;
                    problems.Add(new PersonaProblem(file, null, null, $"still offering the last good version of '{previous.Id}' until this file is fixed"));
                }
                if (persona is null)
                {
                    continue;
                }
                if (owners.TryGetValue(persona.Id, out var owner))
                {
                    problems.Add(PersonaLoader.DuplicateId(file, loaded.IdLine, persona.Id, owner));
                    continue;
                }
                owners[persona.Id] = file;
                lastGood[file] = persona;
                personas.Add(persona);
            }
            _lastGoodByFile = lastGood;
            _contents = new Contents(personas, problems);
        }
    }

    /// <summary>Stops watching; waits for a reload in flight so no Changed handler runs afterwards.</summary>
    public void Dispose()
    {
        lock (_reloadGate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        _watcher?.Dispose();
        using var callbacksDone = new ManualResetEvent(false);
        // A Changed handler that disposes the catalog must not wait for itself.
        if (_timer.Dispose(callbacksDone) && Environment.CurrentManagedThreadId != _notifyingThread)
        {
            callbacksDone.WaitOne();
        }
    }

    private IEnumerable<string> SafeList()
    {
        try
        {
            return PersonaLoader.PersonaFiles(Directory).ToArray();
        }
        catch (IOException)
        {
            return []; // the folder vanished mid-scan; the next event rescans
        }
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        var renamedFrom = (e as RenamedEventArgs)?.OldFullPath;
        if (PersonaLoader.IsPersonaFile(e.FullPath) || (renamedFrom is not null && PersonaLoader.IsPersonaFile(renamedFrom)))
        {
            ScheduleReload();
        }
    }

    private void ScheduleReload()
    {
        lock (_reloadGate)
        {
            if (!_disposed)
            {
                _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void ReloadAndNotify()
    {
        lock (_reloadGate)
        {
            if (_disposed)
            {
                return;
            }
        }
        Reload();
        _notifyingThread = Environment.CurrentManagedThreadId;
        try
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
        finally
        {
            _notifyingThread = 0;
        }
    }

    /// <summary>One immutable generation of the catalog, swapped whole so readers never see half a reload.</summary>
    private sealed class Contents
    {
        public static readonly Contents Empty = new([], []);

        public Contents(IReadOnlyList<PersonaDefinition> all, IReadOnlyList<PersonaProblem> problems)
        {
            All = all;
            Problems = problems;
            Ids = all.Select(p => p.Id).ToArray();
            ById = all.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        }

        public IReadOnlyList<PersonaDefinition> All { get; }
        public IReadOnlyList<PersonaProblem> Problems { get; }
        public IReadOnlyList<string> Ids { get; }
        public IReadOnlyDictionary<string, PersonaDefinition> ById { get; }
    }
}
