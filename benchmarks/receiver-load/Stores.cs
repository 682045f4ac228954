using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using BoardingDsl.AspNetCore;

namespace BoardingDsl.ReceiverLoad;

/// <summary>
/// The store the instances share: <c>--store postgres</c> (the default; a throwaway cluster started here, as the tests
/// do) or <c>--store sqlite</c> (one database file, two processes).
/// </summary>
internal static class Stores
{
    /// <summary>The driver's side: creates the storage and tells the children how to open it.</summary>
    public static async Task<Storage> PrepareAsync(string[] args)
    {
        var kind = Arguments.Value(args, "--store") ?? "postgres";
        if (kind == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("boarding-load-");
            var path = Path.Combine(folder.FullName, "orders.db");
            return new Storage("SQLite file shared by two processes", ["--store", "sqlite", "--sqlite-path", path], () => folder.Delete(recursive: true));
        }

        if (kind == "postgres")
        {
            var cluster = await BoardingDsl.Tests.Shared.PostgreSqlCluster.StartAsync();
            var connection = await cluster.CreateDatabaseAsync("load");
            return new Storage("PostgreSQL (throwaway cluster)", ["--store", "postgres", "--connection", connection], () => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult());
        }

        throw new ArgumentException("--store takes postgres or sqlite, not " + kind);
    }

    /// <summary>A child's side (and the driver's own handle): the store its arguments name.</summary>
    public static IBoardingOrderStore Open(string[] args) => Arguments.Value(args, "--store") switch
    {
        "sqlite" => new SqliteBoardingOrderStore(Arguments.Value(args, "--sqlite-path")!),
        "postgres" => new BoardingDsl.AspNetCore.PostgreSql.PostgreSqlBoardingOrderStore(Arguments.Value(args, "--connection")!),
        var other => throw new ArgumentException("--store takes postgres or sqlite, not " + other),
    };
}

/// <summary>A prepared store and the arguments that open it.</summary>
internal sealed class Storage(string description, IReadOnlyList<string> arguments, Action cleanUp) : IAsyncDisposable
{
    public string Description { get; } = description;

    public IReadOnlyList<string> Arguments { get; } = arguments;

    public IBoardingOrderStore OpenStore() => Stores.Open([.. Arguments]);

    public ValueTask DisposeAsync()
    {
        cleanUp();
        return ValueTask.CompletedTask;
    }
}
