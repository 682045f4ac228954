using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace BoardingDsl.Sandbox.Http;

/// <summary>A host lifetime that leaves the process's Ctrl+C and SIGTERM alone: the sandbox lives inside someone else's process.</summary>
internal sealed class NoSignalHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
