using System;
using System.Linq;
using System.Threading.Tasks;
using BoardingDsl.AspNetCore;
using BoardingDsl.AspNetCore.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace BoardingDsl.Client.Tests.Stores;

/// <summary>
/// The contract on <see cref="PostgreSqlBoardingOrderStore"/>: each test has its own schema in the throwaway cluster;
/// "another handle" is a second store object with its own connection pool, as a second instance has.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlOrderStoreTests(PostgreSqlFixture postgres) : OrderStoreContract
{
    private readonly string _schema = postgres.NewSchema();

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override Task<IBoardingOrderStore> OpenAsync() => Task.FromResult<IBoardingOrderStore>(Open());

    protected override Task<IBoardingOrderStore> OpenAnotherAsync() => Task.FromResult<IBoardingOrderStore>(Open());

    private PostgreSqlBoardingOrderStore Open(string? applicationName = null, bool createSchema = true)
    {
        var connection = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { ApplicationName = applicationName ?? "boarding-tests" }.ConnectionString;
        return Own(new PostgreSqlBoardingOrderStore(connection, new PostgreSqlBoardingOrderStoreOptions { Schema = _schema, CreateSchema = createSchema }));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task Stores_starting_at_once_on_a_new_schema_all_migrate_it_once_without_error()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => Open()).ToList();
        await Task.WhenAll(stores.Select((store, i) => Task.Run(async () => await store.TrackAsync("ref-" + i, "order-" + i, Ct), Ct)));

        Assert.Equal(6, (await stores[0].GetOpenAsync(Ct)).Count);
        Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM \"{_schema}\".schema_version"));
        Assert.Equal(PostgreSqlBoardingOrderStore.SchemaVersion, await ScalarAsync<int>($"SELECT max(version) FROM \"{_schema}\".schema_version"));
    }

    [Fact]
    public async Task A_lease_whose_connection_died_is_taken_over_once_it_expires_and_stays_fenced_off()
    {
        var dead = Open("boarding-dead-instance");
        await dead.TrackAsync("ref-1", "order-1", Ct);
        var old = Assert.Single(await dead.ClaimDueAsync("dead", 1, TimeSpan.FromSeconds(1), Ct));

        // The instance's connections die (a crash, a network cut): the lease is left in the table until it expires.
        Assert.True(await ScalarAsync<long>("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'boarding-dead-instance'") >= 1);
        var other = Open();
        OrderLease? taken = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (taken is null && DateTime.UtcNow < deadline)
        {
            taken = (await other.ClaimDueAsync("alive", 1, TimeSpan.FromMinutes(5), Ct)).SingleOrDefault();
            if (taken is null)
            {
                await Task.Delay(100, Ct);
            }
        }

        Assert.NotNull(taken);
        Assert.True(taken.Token > old.Token);

        // The old lease, from a fresh handle (the dead pool's connections are gone): fenced.
        var revived = Open();
        await Assert.ThrowsAsync<BoardingLeaseLostException>(async () => await revived.RecordObservedAsync(old, "New", "{}", false, BoardingNotificationSource.Poll, Ct));
        await Assert.ThrowsAsync<BoardingLeaseLostException>(async () => await revived.MarkDeliveredAsync(old, 1, Ct));
        await revived.ReleaseAsync(old, new LeaseRelease(TimeSpan.Zero, TimeSpan.Zero, 0, "stale"), Ct);
        Assert.Equal("New", (await other.RecordObservedAsync(taken, "New", "{}", false, BoardingNotificationSource.Poll, Ct))!.Status);
        Assert.False((await other.FindAsync("ref-1", Ct))!.IsParked);
    }

    [Fact]
    public async Task Without_CreateSchema_a_missing_schema_fails_clearly_and_the_DBA_script_makes_it_work()
    {
        var store = Open(createSchema: false);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.FindAsync("ref-1", Ct));
        Assert.Contains("CreateSchema is false", error.Message, StringComparison.Ordinal);

        await ScalarAsync<object>(PostgreSqlBoardingOrderStore.CreateScript(_schema).Replace("BEGIN;", string.Empty, StringComparison.Ordinal).Replace("COMMIT;", "SELECT 1;", StringComparison.Ordinal));
        var created = Open(createSchema: false);
        await created.TrackAsync("ref-1", "order-1", Ct);
        Assert.NotNull(await created.FindAsync("ref-1", Ct));
    }

    [Fact]
    public async Task A_schema_of_a_newer_version_is_refused()
    {
        await Open().TrackAsync("ref-1", "order-1", Ct);
        await ScalarAsync<object>($"INSERT INTO \"{_schema}\".schema_version (version) VALUES (99); SELECT 1");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await Open().FindAsync("ref-1", Ct));
        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_for_a_reference_with_NUL_is_not_tracked_rather_than_an_error()
    {
        var store = Open();
        Assert.False(await store.RequestRefreshAsync("ref\0x", Ct));
        Assert.Null(await store.FindAsync("ref\0x", Ct));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.TrackAsync("ref\0x", "order-1", Ct));
    }
}

/// <summary><c>AddBoardingPostgreSqlStore</c> wins over the SQLite default whichever is called first (no database needed).</summary>
public sealed class PostgreSqlRegistrationTests
{
    private static readonly BoardingStatusSource<string> Source = new((_, id, _) => Task.FromResult(id), s => s, _ => false, s => s, s => s);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_PostgreSQL_store_is_the_store_before_or_after_AddBoardingNotifications(bool before)
    {
        var services = new ServiceCollection();
        if (before)
        {
            services.AddBoardingPostgreSqlStore("Host=127.0.0.1;Port=1;Username=none", o => o.Schema = "receiver");
        }

        services.AddBoardingNotifications(Source);
        if (!before)
        {
            services.AddBoardingPostgreSqlStore("Host=127.0.0.1;Port=1;Username=none", o => o.Schema = "receiver");
        }

        await using var provider = services.BuildServiceProvider();
        var store = Assert.IsType<PostgreSqlBoardingOrderStore>(provider.GetRequiredService<IBoardingOrderStore>());
        Assert.Equal("receiver", store.Schema);
        Assert.Same(store, provider.GetRequiredService<PostgreSqlBoardingOrderStore>());
        Assert.Single(services, d => d.ServiceType == typeof(IBoardingOrderStore));
    }

    [Fact]
    public async Task The_store_can_use_a_data_source_from_the_container()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_ => NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=none"));
        services.AddBoardingPostgreSqlStore(sp => sp.GetRequiredService<NpgsqlDataSource>());
        services.AddBoardingNotifications(Source);

        await using var provider = services.BuildServiceProvider();
        var store = Assert.IsType<PostgreSqlBoardingOrderStore>(provider.GetRequiredService<IBoardingOrderStore>());
        Assert.Equal("boarding", store.Schema);
    }

    [Fact]
    public async Task Without_it_the_default_is_the_SQLite_store()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("boarding-default-");
        try
        {
            var services = new ServiceCollection();
            services.AddBoardingNotifications(Source, o => o.SqlitePath = System.IO.Path.Combine(folder.FullName, "orders.db"));
            await using var provider = services.BuildServiceProvider();
            Assert.IsType<SqliteBoardingOrderStore>(provider.GetRequiredService<IBoardingOrderStore>());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
