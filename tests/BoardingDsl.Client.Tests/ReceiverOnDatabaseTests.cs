using System;
using System.IO;
using System.Threading.Tasks;
using BoardingDsl.AspNetCore;
using BoardingDsl.AspNetCore.PostgreSql;
using BoardingDsl.Client.Tests.Stores;
using Xunit;

namespace BoardingDsl.Client.Tests;

/// <summary>
/// The production-day scenarios of <see cref="ReceiverDeliveryTests"/> on the real stores: a restart with the default
/// SQLite file (a new store object, as a new process opens it), and two instances behind a load balancer, each with its
/// own connection pool on one PostgreSQL database.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ReceiverOnDatabaseTests(PostgreSqlFixture postgres) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("boarding-receiver-");

    [Fact(Timeout = 30_000)]
    public async Task A_restart_between_a_callback_and_its_fetch_loses_nothing_with_the_default_SQLite_store()
    {
        var path = Path.Combine(_folder.FullName, "orders.db");
        await ReceiverDeliveryTests.RestartAsync(() => new SqliteBoardingOrderStore(path));
    }

    [Fact(Timeout = 40_000)]
    public async Task Two_instances_over_one_PostgreSQL_database_deliver_each_status_once_and_in_order()
    {
        var schema = postgres.NewSchema();
        await using var a = new PostgreSqlBoardingOrderStore(postgres.ConnectionString, new PostgreSqlBoardingOrderStoreOptions { Schema = schema });
        await using var b = new PostgreSqlBoardingOrderStore(postgres.ConnectionString, new PostgreSqlBoardingOrderStoreOptions { Schema = schema });
        await ReceiverDeliveryTests.TwoInstancesAsync(a, b);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
