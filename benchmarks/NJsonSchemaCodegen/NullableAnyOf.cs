using NJsonSchema;

/// <summary>
/// Our schemas write an optional nullable object as <c>anyOf: [{$ref}, {type: null}]</c> (draft 2020-12). NJsonSchema's
/// C# generator only recognises the <c>oneOf</c> spelling of that idiom; given <c>anyOf</c> it emits an empty wrapper
/// class per property (<c>ShippingCost</c>, <c>Currency2</c>…) and loses the members. The two alternatives are
/// disjoint, so <c>oneOf</c> means the same here: this is the rewrite a user of NJsonSchema would make.
/// </summary>
internal static class NullableAnyOf
{
    public static int RewriteToOneOf(JsonSchema root)
    {
        var seen = new HashSet<JsonSchema>();
        var count = 0;
        Visit(root);
        return count;

        void Visit(JsonSchema? schema)
        {
            if (schema is null || !seen.Add(schema))
            {
                return;
            }

            if (schema.AnyOf.Count == 2 && schema.AnyOf.Count(s => s.Type == JsonObjectType.Null) == 1)
            {
                foreach (var alternative in schema.AnyOf.ToList())
                {
                    schema.AnyOf.Remove(alternative);
                    schema.OneOf.Add(alternative);
                }

                count++;
            }

            Visit(schema.Reference);
            Visit(schema.Item);
            Visit(schema.AdditionalPropertiesSchema);
            foreach (var child in schema.Properties.Values.Concat<JsonSchema>(schema.AllOf).Concat(schema.AnyOf).Concat(schema.OneOf).Concat(schema.Items).ToList())
            {
                Visit(child);
            }
        }
    }
}
