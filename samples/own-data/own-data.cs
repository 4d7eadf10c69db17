#:project ../../src/HyperLab/HyperLab.csproj
#:property PublishAot=false
// Your own data, with only the core library (no notebook, no charts, no lesson code):
// load a CSV, find a learning rate with the range test, fit with early stopping, log the run to a JSON Lines
// experiment log, print the result.
//
//   dotnet run own-data.cs                                  (from this folder: the wine table beside it)
//   dotnet run own-data.cs -- path/to/yours.csv label_column
//
// Exit code 0 when the fit classifies at least 80% of the held-out rows, 1 otherwise, 2 for bad arguments.
using System.Runtime.CompilerServices;
using HyperLab;
using HyperLab.Data;
using HyperLab.Finder;
using HyperLab.Platform;
using HyperLab.Tracking;
using HyperLab.Training;

// The native fixes (libstdc++, OpenMP wait policy, reproducible MKL) before the first torch call; without it
// the program still runs, just without them (docs/platform.md).
Console.WriteLine(NativeSetup.Prepare());

string here = Here();
string csv = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(here, "wine.csv");
string label = args.Length > 1 ? args[1] : "cultivar";
if (!File.Exists(csv))
{
    Console.Error.WriteLine($"No file '{csv}'. Usage: dotnet run own-data.cs -- path/to/yours.csv label_column");
    return 2;
}

// 1. The data: a CSV with a header row; every column numeric except the label (text or numbers). 30% is held out
//    for validation, stratified by class; a DataRecord remembers the file's SHA-256 and the split, for the log.
const int seed = 0;
var record = DataRecord.Csv(csv, labelColumn: label, validationFraction: 0.3, splitSeed: seed);
var raw = record.Load();
var data = Standardizer.Fit(raw.Train).Transform(raw);   // tables want standardized features, fitted on the training part
Console.WriteLine($"data:   {data.Train.Count} training and {data.Validation.Count} validation rows, {data.Train.FeatureCount} features, classes {string.Join(", ", data.Train.ClassNames)}");

// 2. The learning rate: the range test (a short run whose rate grows each step) suggests one.
var baseline = new Hyperparameters { Depth = 1, Width = 32, BatchSize = 16, Epochs = 100, Patience = 10, Seed = seed };
var finder = LearningRateFinder.Run(baseline, data);
double rate = double.IsFinite(finder.SuggestedRate) ? finder.SuggestedRate : baseline.LearningRate;
Console.WriteLine($"finder: {finder}");
Console.WriteLine($"rate:   {rate:G3}{(double.IsFinite(finder.SuggestedRate) ? "" : " (the finder had no suggestion: the default)")}");

// 3. The fit: at most 100 epochs, stopped once validation loss has not improved for 10 (Patience).
var hp = baseline with { LearningRate = rate };
var started = DateTime.UtcNow;
using var result = Trainer.Fit(hp, data, new FitOptions { Label = "own data" });
var history = result.History;
Console.WriteLine($"fit:    {history}");

// 4. The log: one JSON line per trial, with the hyperparameters, the data's hash and split, and the curves.
string logPath = Path.Combine(here, "out", "experiments.jsonl");
var log = new ExperimentLog(logPath).BeginStudy("own-data");
log.Append(TrialRecord.Of("own data", 1, history, record, started));
Console.WriteLine($"log:    {log} ({log.Load().InStudy(log.Study!).Records.Count} trial in this study)");

// 5. The result.
var best = history.BestEpoch;
double accuracy = best?.ValidationAccuracy ?? 0;
Console.WriteLine($"result: best epoch {best?.Epoch} of {history.Epochs.Count} ({history.StopReason}), validation accuracy {accuracy:P1}");
return accuracy >= 0.8 ? 0 : 1;

static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
