using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BoardingDsl.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace BoardingDsl.Client.Tests.Stores;

/// <summary>The contract on <see cref="SqliteBoardingOrderStore"/>: a temp file; "another handle" is a second store object on it.</summary>
public sealed class SqliteOrderStoreTests : OrderStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "boarding-sqlite-" + Guid.NewGuid().ToString("N"));

    private string Database => Path.Combine(_folder, "orders.db");

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    public override ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    protected override Task<IBoardingOrderStore> OpenAsync() => Task.FromResult<IBoardingOrderStore>(Own(new SqliteBoardingOrderStore(Database)));

    protected override Task<IBoardingOrderStore> OpenAnotherAsync() => Task.FromResult<IBoardingOrderStore>(Own(new SqliteBoardingOrderStore(Database)));

    [Fact]
    public async Task Everything_survives_disposing_and_reopening_the_store()
    {
        var store = new SqliteBoardingOrderStore(Database);
        await store.TrackAsync("ref-1", "order-1", Ct);
        await store.TrackAsync("ref-2", "order-2", Ct);
        var lease = (await store.ClaimDueAsync("a", 10, TimeSpan.FromMinutes(5), Ct)).Single(l => l.ExternalReference == "ref-1");
        var first = await store.RecordObservedAsync(lease, "Processing", "{\"a\":1}", false, BoardingNotificationSource.Tracking, Ct);
        await store.RecordObservedAsync(lease, "Completed", "{\"a\":2}", true, BoardingNotificationSource.Poll, Ct);
        await store.MarkDeliveredAsync(lease, first!.Sequence, Ct);
        await store.ReleaseAsync(lease, new LeaseRelease(TimeSpan.Zero, TimeSpan.Zero, 2, null), Ct);
        await store.DisposeAsync();

        var reopened = Own(new SqliteBoardingOrderStore(Database));
        Assert.Equal(new TrackedOrder("ref-1", "order-1", "Processing", false) { PendingCount = 1, FailedAttempts = 2 }, await reopened.FindAsync("ref-1", Ct));
        var again = (await reopened.ClaimDueAsync("b", 10, TimeSpan.FromMinutes(5), Ct)).Single(l => l.ExternalReference == "ref-1");
        Assert.True(again.Token > lease.Token);
        Assert.Equal(("Completed", true, 2L, "{\"a\":2}", BoardingNotificationSource.Poll), (again.LastObservedStatus, again.IsFinalObserved, again.Pending!.Sequence, again.Pending.Payload, again.Pending.Source));
        Assert.Equal(["ref-1", "ref-2"], (await reopened.GetOpenAsync(Ct)).Select(o => o.ExternalReference));
    }

    [Fact]
    public async Task Leases_expire_and_statuses_are_stamped_on_the_stores_clock()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var a = Own(new SqliteBoardingOrderStore(Database, clock));
        var b = Own(new SqliteBoardingOrderStore(Database, clock));
        await a.TrackAsync("ref-1", "order-1", Ct);
        var lease = Assert.Single(await a.ClaimDueAsync("a", 1, TimeSpan.FromMinutes(2), Ct));
        var pending = await a.RecordObservedAsync(lease, "New", "{}", false, BoardingNotificationSource.Tracking, Ct);
        Assert.Equal(clock.Now, pending!.ObservedAt);

        clock.Now += TimeSpan.FromMinutes(1);
        Assert.Empty(await b.ClaimDueAsync("b", 1, TimeSpan.FromMinutes(2), Ct));
        clock.Now += TimeSpan.FromMinutes(1);
        Assert.True(Assert.Single(await b.ClaimDueAsync("b", 1, TimeSpan.FromMinutes(2), Ct)).Token > lease.Token);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Opening_a_store_on_the_file_again_keeps_its_schema_and_version()
    {
        await using (var store = new SqliteBoardingOrderStore(Database))
        {
            await store.TrackAsync("ref-1", "order-1", Ct);
        }

        await using (var again = new SqliteBoardingOrderStore(Database))
        {
            await again.TrackAsync("ref-2", "order-2", Ct);
            Assert.Equal(2, (await again.GetOpenAsync(Ct)).Count);
        }

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Database + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        Assert.Equal((long)SqliteBoardingOrderStore.SchemaVersion, (long)command.ExecuteScalar()!);
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)command.ExecuteScalar()!);
    }

    [Fact]
    public async Task A_file_that_is_not_a_SQLite_database_gives_a_clear_exception()
    {
        await File.WriteAllTextAsync(Database, "this is not a database, just some text that is long enough to have a header. " + new string('x', 200), Ct);
        await using var store = new SqliteBoardingOrderStore(Database);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.TrackAsync("ref-1", "order-1", Ct));
        Assert.Contains("is not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Contains(Database, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_is_created_and_a_folder_in_the_files_place_gives_a_clear_exception()
    {
        var nested = Path.Combine(_folder, "a", "b", "orders.db");
        await using (var store = new SqliteBoardingOrderStore(nested))
        {
            await store.TrackAsync("ref-1", "order-1", Ct);
        }

        Assert.True(File.Exists(nested));
        var folderInstead = Path.Combine(_folder, "is-a-folder.db");
        Directory.CreateDirectory(folderInstead);
        await using var broken = new SqliteBoardingOrderStore(folderInstead);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await broken.TrackAsync("ref-1", "order-1", Ct));
        Assert.Contains(folderInstead, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_a_newer_schema_version_is_refused()
    {
        await using (var store = new SqliteBoardingOrderStore(Database))
        {
            await store.TrackAsync("ref-1", "order-1", Ct);
        }

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Database + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        await using var newer = new SqliteBoardingOrderStore(Database);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await newer.FindAsync("ref-1", Ct));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_store_is_the_file_at_SqlitePath_under_the_content_root()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new Environment(_folder));
        services.AddOptions<BoardingNotificationOptions>().Configure(o => o.SqlitePath = Path.Combine("data", "nested", "orders.db"));
        await using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<SqliteBoardingOrderStore>(SqliteBoardingOrderStore.ForOptions(provider));
        Own(store);
        Assert.Equal(Path.Combine(_folder, "data", "nested", "orders.db"), store.DatabasePath);
        await store.TrackAsync("ref-1", "order-1", Ct);
        Assert.True(File.Exists(store.DatabasePath));
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "Test";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
