using System;
using BoardingDsl.AspNetCore;
using BoardingDsl.AspNetCore.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="PostgreSqlBoardingOrderStore"/> as the receiver's store.</summary>
public static class BoardingPostgreSqlStoreExtensions
{
    /// <summary>
    /// Makes <see cref="PostgreSqlBoardingOrderStore"/> on <paramref name="connectionString"/> the
    /// <see cref="IBoardingOrderStore"/>, before or after <c>AddBoardingNotifications</c> (it replaces the SQLite default).
    /// </summary>
    public static IServiceCollection AddBoardingPostgreSqlStore(this IServiceCollection services, string connectionString, Action<PostgreSqlBoardingOrderStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var options = Configure(configure);
        return Register(services, _ => new PostgreSqlBoardingOrderStore(connectionString, options));
    }

    /// <summary>
    /// Makes <see cref="PostgreSqlBoardingOrderStore"/> on the <see cref="NpgsqlDataSource"/> that
    /// <paramref name="dataSource"/> gives (e.g. <c>sp =&gt; sp.GetRequiredService&lt;NpgsqlDataSource&gt;()</c>) the
    /// <see cref="IBoardingOrderStore"/>, before or after <c>AddBoardingNotifications</c>. The data source stays yours.
    /// </summary>
    public static IServiceCollection AddBoardingPostgreSqlStore(this IServiceCollection services, Func<IServiceProvider, NpgsqlDataSource> dataSource, Action<PostgreSqlBoardingOrderStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(dataSource);
        var options = Configure(configure);
        return Register(services, sp => new PostgreSqlBoardingOrderStore(dataSource(sp), options));
    }

    private static PostgreSqlBoardingOrderStoreOptions Configure(Action<PostgreSqlBoardingOrderStoreOptions>? configure)
    {
        var options = new PostgreSqlBoardingOrderStoreOptions();
        configure?.Invoke(options);
        options.Validate();
        return options;
    }

    private static IServiceCollection Register(IServiceCollection services, Func<IServiceProvider, PostgreSqlBoardingOrderStore> create)
    {
        // AddBoardingNotifications only TryAdds the SQLite default: removing whatever is there wins in either order.
        services.RemoveAll<PostgreSqlBoardingOrderStore>();
        services.RemoveAll<IBoardingOrderStore>();
        services.AddSingleton(create);
        services.AddSingleton<IBoardingOrderStore>(sp => sp.GetRequiredService<PostgreSqlBoardingOrderStore>());
        return services;
    }
}
