using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BoardingDsl.Sandbox.Tests.Support;

/// <summary>One call the receiver got.</summary>
internal sealed record ReceivedCall(string Method, string PathAndQuery, long? ContentLength, int BodyLength);

/// <summary>An integrator's notification endpoint: Kestrel on https://127.0.0.1:&lt;free port&gt; with a self-signed certificate made here.</summary>
internal sealed class HttpsReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedCall> _calls = [];

    private HttpsReceiver(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToArray();
            }
        }
    }

    public static async Task<HttpsReceiver> StartAsync(X509Certificate2? certificate = null)
    {
        certificate ??= CreateCertificate();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var receiver = new HttpsReceiver(app, certificate);
        app.Run(receiver.ReceiveAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>A self-signed certificate for 127.0.0.1 and localhost (with its private key, as Kestrel needs).</summary>
    public static X509Certificate2 CreateCertificate(string name = "BoardingDsl sandbox test receiver")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>The address to give as notificationUrl, with a marker so each test's calls are told apart.</summary>
    public string Url(string marker) => new Uri(BaseAddress, "orderstatusCCV/?test=" + Uri.EscapeDataString(marker)).ToString();

    private async Task ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        lock (_calls)
        {
            _calls.Add(new ReceivedCall(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.ContentLength,
                (int)buffer.Length));
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(System.Threading.CancellationToken.None);
        await _app.DisposeAsync();
        Certificate.Dispose();
    }
}
