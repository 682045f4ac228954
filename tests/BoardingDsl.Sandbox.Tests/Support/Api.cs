using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace BoardingDsl.Sandbox.Tests.Support;

/// <summary>An answer of the sandbox: the code and the parsed JSON body.</summary>
internal sealed record Answer(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)
{
    public JsonObject Object => Assert.IsType<JsonObject>(Body);
}

/// <summary>An HttpClient on the sandbox, sending HTTP Basic with the key as user name and an empty password.</summary>
internal sealed class Api : IDisposable
{
    private readonly HttpClient _http;

    public Api(BoardingSandbox sandbox, string? apiKey = null)
    {
        _http = new HttpClient { BaseAddress = sandbox.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var key = apiKey ?? sandbox.Options.ApiKey;
        if (key.Length > 0)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        }
    }

    public Task<Answer> PatchAsync(string path, JsonNode body) => SendAsync(HttpMethod.Patch, path, body.ToJsonString());

    public Task<Answer> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body.ToJsonString());

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public async Task<Answer> SendAsync(HttpMethod method, string path, string? text)
    {
        using var request = new HttpRequestMessage(method, path);
        if (text is not null)
        {
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }

        var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var content = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new Answer(response.StatusCode, content.Length == 0 ? null : JsonNode.Parse(content), response);
    }

    /// <summary>Submits and returns the new order's id (asserting 201).</summary>
    public async Task<string> SubmitAsync(JsonObject body)
    {
        var answer = await PostAsync(Paths.SubmitOrder, body);
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return answer.Object["orderId"]!.GetValue<string>();
    }

    public void Dispose() => _http.Dispose();
}
