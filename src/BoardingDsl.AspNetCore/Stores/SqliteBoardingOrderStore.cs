using System;
using System.IO;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BoardingDsl.AspNetCore;

/// <summary>PLACEHOLDER until the SQLite store lands: in memory.</summary>
public static class SqliteBoardingOrderStore
{
    internal static IBoardingOrderStore ForOptions(IServiceProvider services)
    {
        _ = services;
        return new InMemoryBoardingOrderStore();
    }
}
