using System;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Tests.Shared;
using Xunit;

namespace BoardingDsl.Client.Tests.Stores;

/// <summary>One throwaway PostgreSQL cluster for the tests of the collection <see cref="PostgreSqlCollection"/>, with one database in it.</summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private PostgreSqlCluster? _cluster;
    private int _schemas;

    /// <summary>The test database's connection string.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    internal PostgreSqlCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>A schema name no other test uses.</summary>
    public string NewSchema() => $"t{Interlocked.Increment(ref _schemas)}_{Guid.NewGuid():N}"[..30];

    public async ValueTask InitializeAsync()
    {
        // Missing binaries throw here: every PostgreSQL test fails with the message, none is skipped.
        _cluster = await PostgreSqlCluster.StartAsync();
        ConnectionString = await _cluster.CreateDatabaseAsync("boarding_tests");
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

/// <summary>The tests that share <see cref="PostgreSqlFixture"/> (one cluster, started only when one of them runs).</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "PostgreSQL";
}
