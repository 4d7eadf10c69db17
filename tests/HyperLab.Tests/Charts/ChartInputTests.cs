using System.Reflection;
using HyperLab.Charts;
using HyperLab.Lessons.Lesson01;
using HyperLab.Numerics;
using HyperLab.Sweeps;
using HyperLab.Tests.BadInput;
using HyperLab.Tests.Sweeps;
using HyperLab.Training;

namespace HyperLab.Tests.Charts;

/// <summary>Charts: null or empty input gets an <see cref="ArgumentException"/> naming the parameter, for
/// every public <see cref="Plot"/> method and every lesson's chart adapter (found by reflection, so a new chart is
/// covered as soon as it is added).</summary>
public class ChartInputTests
{
    private static readonly Lazy<History> OneRun = new(() =>
    {
        using var run = Trainer.Fit(Broken.Small with { Epochs = 1 }, Broken.Moons());
        return run.History;
    });

    public static TheoryData<string, string> Parameters(bool collectionsOnly)
    {
        var data = new TheoryData<string, string>();
        foreach (var m in PlotMethods())
            foreach (var p in m.GetParameters().Where(p => !p.ParameterType.IsValueType && p.ParameterType != typeof(string) && p.ParameterType != typeof(ChartOptions)))
                if (!collectionsOnly || ElementType(p.ParameterType) is not null)
                    data.Add(Describe(m), p.Name!);
        return data;
    }

    public static TheoryData<string, string> NullCases => Parameters(collectionsOnly: false);

    public static TheoryData<string, string> EmptyCases => Parameters(collectionsOnly: true);

    [Theory]
    [MemberData(nameof(NullCases))]
    public void Null_is_refused_naming_the_parameter(string method, string parameter) =>
        AssertRefused(method, parameter, value: null);

    [Theory]
    [MemberData(nameof(EmptyCases))]
    public void An_empty_collection_is_refused_naming_the_parameter(string method, string parameter)
    {
        var p = PlotMethods().Single(m => Describe(m) == method).GetParameters().Single(x => x.Name == parameter);
        AssertRefused(method, parameter, Array.CreateInstance(ElementType(p.ParameterType)!, 0));
    }

    [Fact]
    public void Every_chart_that_takes_a_collection_is_covered()
    {
        // Guards the reflection above: if it found nothing, the theories would pass without testing anything.
        Assert.True(EmptyCases.Count() >= 14, $"only {EmptyCases.Count()} collection parameters found");
        Assert.Contains(EmptyCases, row => (string)row[0] == "Lesson04Charts.SweepCurve(IEnumerable<DepthResult>, ChartOptions)" && (string)row[1] == "results");
        Assert.Contains(EmptyCases, row => (string)row[0] == "EpochCurves(IEnumerable<History>, IEnumerable<History>, ChartOptions)" && (string)row[1] == "changed");
        Assert.Contains(EmptyCases, row => (string)row[0] == "SweepCurve(IEnumerable<SweepResult<Double>>, ChartOptions)" && (string)row[1] == "sweeps");
    }

    [Fact]
    public void A_named_pair_without_its_item_is_refused_naming_the_parameter_and_the_index()
    {
        var histogram = HyperLab.Numerics.Histogram.Of([0.0, 0.1], 2, -0.2, 0.2);
        var grid = ScriptedRuns.Grid([1e-3, 1e-2], [1e-3, 1e-1], _ => 1e-3);
        var h = Assert.Throws<ArgumentException>(() => Plot.Histograms(new[] { ("L1", histogram), ("L2", null!) }));
        Assert.Equal("histograms", h.ParamName);
        Assert.Contains("histograms[1] has no histogram", h.Message);
        var g = Assert.Throws<ArgumentException>(() => Plot.Heatmap(new[] { ("none", (GridResult)null!), ("AdamW", grid) }));
        Assert.Equal("grids", g.ParamName);
        Assert.Contains("grids[0] has no grid", g.Message);
    }

    private static void AssertRefused(string method, string parameter, object? value)
    {
        var m = PlotMethods().Single(x => Describe(x) == method);
        var args = m.GetParameters().Select(p => p.Name == parameter ? value : Valid(p)).ToArray();
        var e = Assert.Throws<TargetInvocationException>(() => m.Invoke(null, args));
        var refused = Assert.IsAssignableFrom<ArgumentException>(e.InnerException);
        Assert.Equal(parameter, refused.ParamName);
    }

    /// <summary>A usable value for the other parameters: one real history where histories are asked for.</summary>
    private static object? Valid(ParameterInfo p)
    {
        if (p.ParameterType == typeof(History)) return OneRun.Value;
        if (ElementType(p.ParameterType) == typeof(History)) return new[] { OneRun.Value };
        if (p.HasDefaultValue) return p.DefaultValue;
        if (p.ParameterType.IsAssignableFrom(typeof(double[]))) return new[] { 1.0, 2.0 };
        if (p.ParameterType == typeof(string)) return "text";
        return p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null;
    }

    private static Type? ElementType(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? t.GetGenericArguments()[0]
        : null;

    /// <summary>The chart primitives (<see cref="Plot"/>) and every lesson's chart adapters (the <c>LessonNNCharts</c> classes).</summary>
    private static IEnumerable<Type> ChartClasses() =>
        typeof(Lesson01Charts).Assembly.GetExportedTypes().Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Charts", StringComparison.Ordinal)).Prepend(typeof(Plot));

    private static IEnumerable<MethodInfo> PlotMethods() =>
        ChartClasses().SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Static)).Where(m => m.ReturnType == typeof(Plotly.NET.GenericChart))
            .Select(m => m.IsGenericMethodDefinition ? m.MakeGenericMethod(typeof(double)) : m);   // sweeps of doubles

    private static string Describe(MethodInfo m) =>
        $"{(m.DeclaringType == typeof(Plot) ? "" : m.DeclaringType!.Name + ".")}{m.Name}({string.Join(", ", m.GetParameters().Select(p => TypeName(p.ParameterType)))})";

    // IEnumerable<SweepResult<Double>>, so that overloads on different element types stay apart.
    private static string TypeName(Type t) => !t.IsGenericType ? t.Name
        : $"{t.Name[..t.Name.IndexOf('`')]}<{string.Join(", ", t.GetGenericArguments().Select(TypeName))}>";
}
