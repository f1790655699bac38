namespace SimCaller.Storage.Schema;

/// <summary>One step of the schema; applied once, in order, inside its own transaction.</summary>
public sealed record Migration(int Version, string Description, string Sql);
