using System;
using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Robustness.Tests.Json;
using FsCheck;
using FsCheck.Fluent;

namespace BoardingDsl.Robustness.Tests.Corpus;

/// <summary>Small FsCheck combinators for building JSON trees.</summary>
internal static class Gens
{
    public static Gen<bool> Chance(int percent) => Gen.Choose(0, 99).Select(x => x < percent);

    public static Gen<T> Lazy<T>(Func<Gen<T>> make) => Gen.Constant(0).SelectMany(_ => make());

    public static Gen<T> Pick<T>(params (int Weight, Gen<T> Gen)[] options) =>
        Gen.Frequency(options.Where(o => o.Weight > 0).Select(o => (o.Weight, o.Gen)).ToArray());

    /// <summary>A member present with <paramref name="percent"/> % chance.</summary>
    public static Gen<KeyValuePair<string, JNode>?> Maybe(int percent, string key, Gen<JNode> value) =>
        Chance(percent).SelectMany(yes => yes
            ? value.Select(v => (KeyValuePair<string, JNode>?)new KeyValuePair<string, JNode>(key, v))
            : Gen.Constant<KeyValuePair<string, JNode>?>(null));

    public static Gen<KeyValuePair<string, JNode>?> Always(string key, Gen<JNode> value) => Maybe(100, key, value);

    public static Gen<KeyValuePair<string, JNode>?> Member(Gen<string> key, Gen<JNode> value) =>
        key.SelectMany(k => value.Select(v => (KeyValuePair<string, JNode>?)new KeyValuePair<string, JNode>(k, v)));

    public static Gen<JNode> Obj(params Gen<KeyValuePair<string, JNode>?>[] members) => Obj((IEnumerable<Gen<KeyValuePair<string, JNode>?>>)members);

    public static Gen<JNode> Obj(IEnumerable<Gen<KeyValuePair<string, JNode>?>> members) =>
        Gen.CollectToList(members).Select(list =>
        {
            var o = new JObject();
            foreach (var m in list)
            {
                if (m is { } kv)
                {
                    o.Add(kv.Key, kv.Value);
                }
            }

            return (JNode)o;
        });

    /// <summary>An object with a random list of members (duplicate keys kept).</summary>
    public static Gen<JNode> ObjOf(Gen<List<KeyValuePair<string, JNode>?>> members) =>
        members.Select(list =>
        {
            var o = new JObject();
            foreach (var m in list)
            {
                if (m is { } kv)
                {
                    o.Add(kv.Key, kv.Value);
                }
            }

            return (JNode)o;
        });

    public static Gen<JNode> Str(Gen<string> value) => value.Select(s => (JNode)new JString(s));

    public static Gen<JNode> Str(params string[] values) => Gen.Elements(values).Select(s => (JNode)new JString(s));

    public static Gen<JNode> Num(params string[] raw) => Gen.Elements(raw).Select(s => (JNode)new JNumber(s));

    public static Gen<JNode> Const(Func<JNode> make) => Gen.Constant(0).Select(_ => make());

    public static Gen<JNode> Arr(Gen<List<JNode>> items) => items.Select(i => (JNode)new JArray(i));

    public static Gen<List<T>> Between<T>(Gen<T> item, int min, int max) => Gen.Choose(min, max).SelectMany(n => item.ListOf(n));
}
