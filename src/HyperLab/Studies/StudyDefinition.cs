using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HyperLab.Tracking;
using HyperLab.Tuning;

namespace HyperLab.Studies;

/// <summary>One searched dimension as plain data (a <see cref="SearchDimension"/> without its <c>Apply</c> function).</summary>
/// <param name="Name">The dimension's name, e.g. "lr".</param>
/// <param name="Low">Smallest value.</param>
/// <param name="High">Largest value.</param>
/// <param name="LogScale">Searched on a log scale.</param>
public sealed record DimensionSignature(string Name, double Low, double High, bool LogScale)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name} in [{Hyperparameters.Fmt(Low)}, {Hyperparameters.Fmt(High)}]{(LogScale ? " (log)" : "")}";
}

/// <summary>
/// A shared search (a class study): which points are tried and on what. Trial n (from 1) is point
/// n − 1 of <see cref="SearchSpace.QuasiRandom"/>(<see cref="Trials"/>, <see cref="ShiftSeed"/>),
/// applied to <see cref="Baseline"/>, trained on <see cref="Data"/>. A worker rebuilds the search
/// space in code (its dimensions hold functions, which cannot be stored), so the store keeps a
/// <see cref="Fingerprint"/> of everything that decides a trial's hyperparameters and data (the
/// dimensions, the baseline, the data's hash and split, the count, the seed, and the
/// hyperparameters every point produces), and refuses a worker whose fingerprint differs.
/// </summary>
/// <param name="Id">The study's name: letters, digits, '-', '_' and '.', 1 to 64 characters.</param>
/// <param name="Dimensions">The searched dimensions.</param>
/// <param name="Baseline">The hyperparameters every point is applied to.</param>
/// <param name="Data">The data every trial trains on (its file path may differ between machines; its hash may not).</param>
/// <param name="Trials">Number of quasi-random points, 1 to 100,000.</param>
/// <param name="ShiftSeed">Seed of the Halton sequence's shift.</param>
/// <param name="HeartbeatSeconds">A running trial whose worker has not reported for this long is handed out again.</param>
/// <param name="SchemaVersion">Version of the stored form; <see cref="CurrentSchemaVersion"/> for a study this build writes.</param>
/// <param name="Fingerprint">SHA-256 (hex) of the definition and every point's hyperparameters.</param>
public sealed record StudyDefinition(string Id, IReadOnlyList<DimensionSignature> Dimensions, HyperparameterRecord Baseline, DataRecord Data,
    int Trials, int ShiftSeed, double HeartbeatSeconds, int SchemaVersion, string Fingerprint)
{
    /// <summary>The schema version this build of the library reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Default heartbeat timeout, in seconds: a dead worker's trial is handed out again after this long.</summary>
    public const double DefaultHeartbeatSeconds = 60;

    /// <summary>Defines a study of <paramref name="trials"/> quasi-random points of <paramref name="space"/>.</summary>
    /// <exception cref="StudyException">A bad id, trial count or heartbeat timeout; the message gives the valid range.</exception>
    public static StudyDefinition Create(string id, SearchSpace space, Hyperparameters baseline, DataRecord data, int trials, int shiftSeed,
        double heartbeatSeconds = DefaultHeartbeatSeconds)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(data);
        CheckId(id);
        if (trials is < 1 or > 100_000)
            throw new StudyException($"A study needs 1 to 100,000 trials, got {trials}. Start with 20-100 for a class (each learner runs a few).");
        if (!(heartbeatSeconds >= 1 && heartbeatSeconds <= 86_400))
            throw new StudyException($"The heartbeat timeout must be 1 to 86,400 seconds, got {heartbeatSeconds}. Use a few times the longest trial's duration, e.g. {DefaultHeartbeatSeconds}.");
        var dimensions = space.Dimensions.Select(d => new DimensionSignature(d.Name, d.Low, d.High, d.LogScale)).ToList();
        var record = HyperparameterRecord.From(baseline);
        return new StudyDefinition(id, dimensions, record, data, trials, shiftSeed, heartbeatSeconds, CurrentSchemaVersion,
            Fingerprint: FingerprintOf(dimensions, record, data, trials, shiftSeed, space, baseline));
    }

    /// <summary>The hyperparameters of trial <paramref name="trial"/> (from 1), built with the worker's own <paramref name="space"/>.</summary>
    public Hyperparameters HyperparametersOf(int trial, SearchSpace space, Hyperparameters baseline) => PointOf(trial, space).ApplyTo(baseline, space);

    /// <summary>The point of trial <paramref name="trial"/> (from 1).</summary>
    public SearchPoint PointOf(int trial, SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (trial < 1 || trial > Trials) throw new ArgumentOutOfRangeException(nameof(trial), trial, $"Study '{Id}' has trials 1 to {Trials}.");
        return space.QuasiRandom(Trials, ShiftSeed)[trial - 1];
    }

    /// <summary>Throws <see cref="StudyMismatchException"/>, naming the first difference, unless
    /// <paramref name="local"/> (what this worker built) defines the same trials as this stored study.</summary>
    public void EnsureSameAs(StudyDefinition local)
    {
        ArgumentNullException.ThrowIfNull(local);
        string? difference =
            local.Id != Id ? $"the id ('{local.Id}' here, '{Id}' stored)"
            : local.SchemaVersion != SchemaVersion ? $"the schema version ({local.SchemaVersion} here, {SchemaVersion} stored)"
            : !local.Dimensions.SequenceEqual(Dimensions) ? $"the search space ({string.Join("; ", local.Dimensions)} here; {string.Join("; ", Dimensions)} stored)"
            : local.Baseline != Baseline ? $"the baseline hyperparameters ({local.Baseline.ToHyperparameters()} here; {Baseline.ToHyperparameters()} stored)"
            : !SameData(local.Data, Data) ? $"the data ({local.Data} here; {Data} stored)"
            : local.Trials != Trials ? $"the number of trials ({local.Trials} here, {Trials} stored)"
            : local.ShiftSeed != ShiftSeed ? $"the seed ({local.ShiftSeed} here, {ShiftSeed} stored)"
            : local.Fingerprint != Fingerprint ? "the hyperparameters the points produce (a dimension's Apply function puts its value somewhere else)"
            : null;
        if (difference is not null)
            throw new StudyMismatchException(Id, difference);
    }

    /// <summary>Checks a study id: 1 to 64 characters, letters, digits, '-', '_' or '.'.</summary>
    /// <exception cref="StudyException">The id is not valid; the message says what is allowed.</exception>
    public static void CheckId(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || id is "." or "..")
            throw new StudyException($"The study id '{id}' is not valid: use 1 to 64 letters, digits, '-', '_' or '.', e.g. \"class-2026-12-05\".");
    }

    private static bool SameData(DataRecord a, DataRecord b) =>
        a.Sha256 == b.Sha256 && a.ValidationFraction == b.ValidationFraction && a.SplitSeed == b.SplitSeed && a.TrainSubset == b.TrainSubset && a.SubsetSeed == b.SubsetSeed;

    private static string FingerprintOf(IReadOnlyList<DimensionSignature> dimensions, HyperparameterRecord baseline, DataRecord data, int trials, int seed,
        SearchSpace space, Hyperparameters hp)
    {
        var points = space.QuasiRandom(trials, seed).Select(p => HyperparameterRecord.From(p.ApplyTo(hp, space))).ToList();
        var content = new { dimensions, baseline, data = new { data.Sha256, data.ValidationFraction, data.SplitSeed, data.TrainSubset, data.SubsetSeed }, trials, seed, points };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(content, StudyJson.Options))));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"study '{Id}': {Trials} quasi-random trials (seed {ShiftSeed}) of {string.Join("; ", Dimensions)} on {Data.Name}, " +
        $"heartbeat timeout {HeartbeatSeconds:0.#} s, schema v{SchemaVersion}";
}
