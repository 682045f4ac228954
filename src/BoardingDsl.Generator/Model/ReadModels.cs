using System;
using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Generator.Common;

namespace BoardingDsl.Generator.Model;

/// <summary>
/// Which built types are read from CCV rather than sent, and what that changes once every type is built: a read model is
/// marked so, its enum members are open (they hold a value the schema does not list) and the enums they use get the open
/// companion; a request type's <c>readOnly</c> members are not required of it.
/// </summary>
internal static class ReadModels
{
    /// <summary>
    /// The object types read from CCV: every response schema (role <c>response</c>), every request's <c>response</c> schema,
    /// and every object type reachable from one through its properties (array elements included). Their enum members are open.
    /// </summary>
    public static HashSet<PendingType> Find(ModelContext context)
    {
        var read = new HashSet<PendingType>();
        var queue = new Queue<PendingType>(context.TypesByKey.Values
            .Where(t => t.Entry?.Role == "response")
            .Concat(context.TypesByKey.Values.Select(t => t.ResponseType).Where(r => r is not null).Select(r => r!)));
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (type.IsEnum || type.Model is null || !read.Add(type))
            {
                continue;
            }

            foreach (var p in type.Model.Properties.Where(p => p.ValueShape == Shape.Object))
            {
                if (context.TypesByName.TryGetValue(p.TypeName!, out var target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return read;
    }

    /// <summary>The enums a member of a read model uses: each gets its open value companion.</summary>
    public static HashSet<string> OpenEnums(HashSet<PendingType> read) => new(
        read.SelectMany(t => t.Model!.Properties).Where(p => p.ValueShape == Shape.Enum).Select(p => p.TypeName!),
        StringComparer.Ordinal);

    /// <summary>A read model's enum members hold the open companion; an enum such a member uses gets one.</summary>
    public static TypeModel Open(TypeModel model, bool isRead, HashSet<string> openEnums)
    {
        if (model.Kind == TypeKind.Enum)
        {
            return openEnums.Contains(model.FullName) ? model with { HasOpenValue = true } : model;
        }

        if (isRead)
        {
            model = model with { IsReadModel = true };
        }
        else if (model.Properties.Any(p => p.IsReadOnly && p.IsRequired))
        {
            // readOnly: the server sets it; a request builder has no With… for it, so it is not required of one (nor by BDSL0001).
            model = model with { Properties = model.Properties.Select(p => p.IsReadOnly ? p with { IsRequired = false } : p).ToEquatableArray() };
        }

        if (!isRead || !model.Properties.Any(p => p.ValueShape == Shape.Enum))
        {
            return model;
        }

        return model with
        {
            Properties = model.Properties.Select(p => p.ValueShape == Shape.Enum ? p with { IsOpenEnum = true } : p).ToEquatableArray(),
        };
    }
}
