using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HyperLab.Tests.Architecture;

/// <summary>
/// Which namespace uses which, read from compiled assemblies with Mono.Cecil: an edge A → B for every type of
/// namespace A that names a type of namespace B in its base type, interfaces, attributes, fields, properties,
/// events, method signatures, generic constraints, local variables or method bodies (every type, method and field
/// an instruction refers to, generic arguments included). Nested and compiler-generated types (lambdas, iterators,
/// async state machines) count for the namespace of their outermost type.
/// </summary>
/// <remarks>
/// Limits: a type named only in a <c>nameof</c>, a <c>const</c> value or an XML doc comment leaves nothing in the
/// compiled code and is not an edge; neither is a <c>using</c> directive that nothing uses. Both are harmless for
/// the direction of dependencies, which is what the rule is about.
/// </remarks>
public sealed class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> edges = new(StringComparer.Ordinal);

    /// <summary>The namespaces that use <paramref name="from"/>'s types, each with one example ("Type → Type").</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> Edges => edges;

    /// <summary>Adds an edge (with an example of the reference) unless it is a namespace using itself.</summary>
    public void Add(string from, string to, string example)
    {
        if (from == to) return;
        if (!edges.TryGetValue(from, out var targets)) edges[from] = targets = new(StringComparer.Ordinal);
        targets.TryAdd(to, example);
        if (!edges.ContainsKey(to)) edges[to] = new(StringComparer.Ordinal);
    }

    /// <summary>Reads the assemblies and keeps the namespaces <paramref name="keep"/> accepts (on both ends).</summary>
    public static NamespaceGraph Read(IEnumerable<string> assemblyPaths, Func<string, bool> keep)
    {
        var graph = new NamespaceGraph();
        foreach (string path in assemblyPaths)
        {
            using var module = ModuleDefinition.ReadModule(path);
            foreach (var type in module.GetTypes())
            {
                string from = Outermost(type).Namespace;
                if (!keep(from)) continue;
                foreach (var used in Uses(type))
                {
                    foreach (var target in Named(used))
                    {
                        string to = Outermost(target).Namespace;
                        if (keep(to)) graph.Add(from, to, $"{type.FullName} → {target.FullName}");
                    }
                }
            }
        }
        return graph;
    }

    /// <summary>Every group of namespaces that reach each other (strongly connected, more than one namespace), each
    /// sorted, with the edges inside it as evidence. Empty when the graph has no cycle.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var found = new List<string>();
        int next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (string w in edges[v].Keys)
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var group = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); group.Add(x); } while (x != v);
            if (group.Count < 2) return;
            group.Sort(StringComparer.Ordinal);
            var inside = group.SelectMany(a => edges[a].Where(e => group.Contains(e.Key)).Select(e => $"  {a} → {e.Key} ({e.Value})"));
            found.Add(string.Join(" ⇄ ", group) + "\n" + string.Join("\n", inside));
        }

        foreach (string v in edges.Keys.Order(StringComparer.Ordinal).ToList())
            if (!index.ContainsKey(v)) Visit(v);
        return found;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    /// <summary>The named types inside a type reference: the element of an array or pointer, a generic type and its arguments.</summary>
    private static IEnumerable<TypeReference> Named(TypeReference? type)
    {
        switch (type)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var t in Named(generic.ElementType)) yield return t;
                foreach (var t in generic.GenericArguments.SelectMany(Named)) yield return t;
                yield break;
            case TypeSpecification spec:   // arrays, by-reference, pointers, modifiers
                foreach (var t in Named(spec.ElementType)) yield return t;
                yield break;
            default:
                yield return type;
                yield break;
        }
    }

    private static IEnumerable<TypeReference?> Uses(TypeDefinition type)
    {
        yield return type.BaseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var a in type.CustomAttributes) yield return a.AttributeType;
        foreach (var g in type.GenericParameters.SelectMany(p => p.Constraints)) yield return g.ConstraintType;
        foreach (var f in type.Fields)
        {
            yield return f.FieldType;
            foreach (var a in f.CustomAttributes) yield return a.AttributeType;
        }
        foreach (var p in type.Properties) yield return p.PropertyType;
        foreach (var e in type.Events) yield return e.EventType;
        foreach (var m in type.Methods)
        {
            foreach (var t in Signature(m)) yield return t;
            foreach (var a in m.CustomAttributes) yield return a.AttributeType;
            foreach (var g in m.GenericParameters.SelectMany(p => p.Constraints)) yield return g.ConstraintType;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return v.VariableType;
            foreach (var instruction in m.Body.Instructions)
            {
                foreach (var t in Operand(instruction)) yield return t;
            }
        }
    }

    private static IEnumerable<TypeReference?> Signature(MethodReference m)
    {
        yield return m.DeclaringType;
        yield return m.ReturnType;
        foreach (var p in m.Parameters) yield return p.ParameterType;
        if (m is GenericInstanceMethod generic)
            foreach (var a in generic.GenericArguments) yield return a;
    }

    private static IEnumerable<TypeReference?> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => [t],
        MethodReference m => Signature(m),
        FieldReference f => [f.DeclaringType, f.FieldType],
        _ => [],
    };
}
