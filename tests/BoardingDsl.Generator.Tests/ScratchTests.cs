using System.IO;
using System.Linq;
using BoardingDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace BoardingDsl.Generator.Tests;

public class ScratchTests
{
    [Fact]
    public void Dump()
    {
        var schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://schemas.boardingdsl.example/v1/submit-order.schema.json",
          "title": "SubmitOrderRequest",
          "x-boarding-endpoint": {"operation": "SubmitOrder", "role": "request", "method": "POST", "path": "/api/ordercompletion/reseller/order", "responses": {"200": "Order created"}},
          "type": "object",
          "additionalProperties": false,
          "required": ["notifyCustomerByEmail", "order"],
          "properties": {
            "notifyCustomerByEmail": {"type": "boolean", "description": "E-mail the customer."},
            "externalReference": {"type": ["string", "null"], "description": "Your reference."},
            "orderDate": {"type": "string", "format": "date-time", "description": "When."},
            "price": {"type": "number", "format": "decimal", "description": "Price."},
            "statusNotificationInformation": {"$ref": "#/$defs/StatusNotificationInformation", "description": "Callback."},
            "order": {"type": "object", "description": "The order.", "properties": {"class": {"type": "string", "description": "k"}}},
            "tags": {"type": "array", "items": {"type": "string"}, "description": "tags"},
            "blob": {"type": ["object", "null"], "description": "open"}
          },
          "$defs": {
            "StatusNotificationInformation": {
              "type": "object",
              "properties": {
                "notificationUrl": {"type": ["string", "null"], "format": "uri", "pattern": "^https://", "description": "URL"},
                "notifyOnStatus": {"type": "array", "items": {"type": "string", "enum": ["New", "Completed", "nl-NL", "3ds"]}, "description": "statuses"}
              }
            }
          }
        }
        """;
        var outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText("/schemas/submit-order.schema.json", schema) });
        Directory.CreateDirectory("/tmp/gt/out");
        foreach (var s in outcome.Result.Results.Single().GeneratedSources)
        {
            File.WriteAllText("/tmp/gt/out/" + s.HintName, s.SourceText.ToString());
        }

        File.WriteAllText("/tmp/gt/diag.txt", string.Join("\n", outcome.GeneratorDiagnostics.Concat(outcome.CompilationErrors).Select(d => d.ToString())));
    }
}
