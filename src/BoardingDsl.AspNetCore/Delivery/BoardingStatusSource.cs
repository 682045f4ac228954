using System;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Client;

namespace BoardingDsl.AspNetCore;

/// <summary>How the receiver learns an order's status: your generated <c>GetOrderStatusAsync</c>, and what the answer means.</summary>
/// <param name="Fetch">Asks the API, e.g. <c>(client, id, ct) => client.GetOrderStatusAsync(id, ct)</c>.</param>
/// <param name="NameOf">The status as CCV sent it, e.g. <c>s => s.OrderStatus.ToJsonString()</c> (raw for a status the schema does not know).</param>
/// <param name="IsFinal">Whether nothing changes after it, e.g. <c>s => s.OrderStatus.IsFinal()</c>.</param>
/// <param name="ToJson">Writes an answer for the store, e.g. <c>s => s.ToJson()</c>: a status waiting for a handler survives a restart.</param>
/// <param name="FromJson">Reads it back, e.g. <c>OrderStatusResponse.FromJson</c>.</param>
public sealed record BoardingStatusSource<TStatus>(
    Func<IBoardingClient, string, CancellationToken, Task<TStatus>> Fetch,
    Func<TStatus, string> NameOf,
    Func<TStatus, bool> IsFinal,
    Func<TStatus, string> ToJson,
    Func<string, TStatus> FromJson);
