using System;
using System.Collections.Generic;
using System.Reflection.Metadata;
using System.Text;
using BoardingDsl.Generator.Common;
using Microsoft.CodeAnalysis;

namespace BoardingDsl.Generator.Pipeline;

/// <summary>
/// Reads the <c>[assembly: BoardingSchema("$id", …)]</c> markers of a referenced assembly: schemas whose public
/// types another assembly already holds are not generated again (that would be CS0436).
/// </summary>
internal static class ReferencedSchemas
{
    private const string AttributeNamespace = "BoardingDsl.Serialization";
    private const string AttributeName = "BoardingSchemaAttribute";

    public static EquatableArray<ProvidedSchema> Read(MetadataReference reference)
    {
        if (reference is not PortableExecutableReference pe)
        {
            return EquatableArray<ProvidedSchema>.Empty;
        }

        try
        {
            if (pe.GetMetadata() is not AssemblyMetadata assembly)
            {
                return EquatableArray<ProvidedSchema>.Empty;
            }

            var ids = new List<ProvidedSchema>();
            foreach (var module in assembly.GetModules())
            {
                var reader = module.GetMetadataReader();
                if (!reader.IsAssembly)
                {
                    continue;
                }

                var assemblyName = reader.GetString(reader.GetAssemblyDefinition().Name);

                foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
                {
                    var attribute = reader.GetCustomAttribute(handle);
                    if (IsMarker(reader, attribute) && ReadFirstString(reader, attribute) is { } id)
                    {
                        ids.Add(new ProvidedSchema(id, assemblyName));
                    }
                }
            }

            return ids.ToEquatableArray();
        }
        catch (Exception ex) when (ex is BadImageFormatException or InvalidOperationException or System.IO.IOException)
        {
            return EquatableArray<ProvidedSchema>.Empty;
        }
    }

    private static bool IsMarker(MetadataReader reader, CustomAttribute attribute)
    {
        StringHandle name;
        StringHandle ns;
        switch (attribute.Constructor.Kind)
        {
            case HandleKind.MemberReference:
                var member = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (member.Parent.Kind != HandleKind.TypeReference)
                {
                    return false;
                }

                var typeRef = reader.GetTypeReference((TypeReferenceHandle)member.Parent);
                name = typeRef.Name;
                ns = typeRef.Namespace;
                break;
            case HandleKind.MethodDefinition:
                var method = reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor);
                var typeDef = reader.GetTypeDefinition(method.GetDeclaringType());
                name = typeDef.Name;
                ns = typeDef.Namespace;
                break;
            default:
                return false;
        }

        return reader.StringComparer.Equals(name, AttributeName) && reader.StringComparer.Equals(ns, AttributeNamespace);
    }

    /// <summary>The first fixed argument, a string (ECMA-335 II.23.3: prolog 0x0001, then a SerString).</summary>
    private static string? ReadFirstString(MetadataReader reader, CustomAttribute attribute)
    {
        var blob = reader.GetBlobReader(attribute.Value);
        if (blob.Length < 3 || blob.ReadUInt16() != 1)
        {
            return null;
        }

        return blob.ReadSerializedString();
    }
}

/// <summary>A schema whose public types a referenced assembly holds: its <c>$id</c> and that assembly's name.</summary>
internal sealed record ProvidedSchema(string Id, string Assembly)
{
    /// <summary>The package's precompiled shipped models.</summary>
    public const string ShippedModelsAssembly = "BoardingDsl.Models";
}
