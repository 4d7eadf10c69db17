using System.CommandLine;
using Course.Cli;

namespace Notebooks.Tests;

/// <summary>The command tree parses every documented command line, and refuses a bad one with a teaching error
/// (option, value, valid range, a sensible value) and exit code 2. Parsing only: no command runs.</summary>
public class CliParseTests
{
    private static readonly RootCommand Root = CourseCommandLine.Build(TextWriter.Null);

    private static ParseResult Parse(params string[] args) => CourseCommandLine.Parse(Root, args);

    private static string Errors(ParseResult r) => string.Join("\n", r.Errors.Select(e => e.Message));

    // The value of the parsed (innermost) command's own option or argument, of exactly this type.
    private static T? Value<T>(ParseResult r, string name)
    {
        var command = r.CommandResult.Command;
        Symbol? symbol = command.Options.FirstOrDefault(o => o.Name == name);
        symbol ??= command.Arguments.FirstOrDefault(a => a.Name == name);
        return symbol switch
        {
            Option<T> option => r.GetValue(option),
            Argument<T> argument => r.GetValue(argument),
            _ => throw new ArgumentException($"'{command.Name}' has no {name} of type {typeof(T).Name}"),
        };
    }

    [Fact]
    public void Run_takes_lessons_seed_out_quiet_and_with_load()
    {
        var r = Parse("run", "01", "batch", "--seed", "7", "--out", "x", "--quiet", "--with-load");

        Assert.Empty(r.Errors);
        Assert.Equal("run", r.CommandResult.Command.Name);
        Assert.Equal(["01", "batch"], Value<string[]>(r, "lessons")!);
        Assert.Equal(7, Value<int?>(r, "--seed"));
        Assert.Equal(Path.GetFullPath("x"), Value<string>(r, "--out"));
        Assert.True(Value<bool>(r, "--quiet"));
        Assert.True(Value<bool>(r, "--with-load"));
        Assert.True(CourseCommandLine.RunsWork(r));
    }

    [Fact]
    public void Run_without_options_runs_every_lesson_on_their_own_seeds()
    {
        var r = Parse("run");

        Assert.Empty(r.Errors);
        Assert.Empty(Value<string[]>(r, "lessons") ?? []);
        Assert.Null(Value<int?>(r, "--seed"));
        Assert.False(Value<bool>(r, "--quiet"));
    }

    [Fact]
    public void Run_refuses_a_seed_without_value_a_negative_seed_and_an_unknown_option()
    {
        Assert.Contains("--seed", Errors(Parse("run", "--seed")));
        string negative = Errors(Parse("run", "--seed", "-3"));
        Assert.Contains("--seed -3 is not valid", negative);
        Assert.Contains("0 or more", negative);
        Assert.Contains("A sensible value is 0", negative);
        Assert.Contains("--seed abc is not valid", Errors(Parse("run", "--seed", "abc")));
        Assert.Contains("unknown option '--fast'", Errors(Parse("run", "--fast")));
    }

    [Fact]
    public void Bench_rounds_default_to_7_and_a_bad_value_is_an_error_not_the_default()
    {
        Assert.Equal(7, Value<int>(Parse("bench"), "--rounds"));
        Assert.Equal(3, Value<int>(Parse("bench", "--rounds", "3"), "--rounds"));
        Assert.Equal(5, Value<int>(Parse("bench", "policy"), "--rounds"));
        Assert.Equal(5, Value<int>(Parse("bench", "policy"), "--repeats"));
        Assert.Equal(2, Value<int>(Parse("bench", "policy", "--repeats", "2"), "--repeats"));
        Assert.Contains("--repeats 0 is not valid: --repeats must be a whole number from 1 to 20.", Errors(Parse("bench", "policy", "--repeats", "0")));
        Assert.Equal(7, Value<int>(Parse("bench", "loop"), "--rounds"));

        var zero = Parse("bench", "loop", "--rounds", "0");
        Assert.NotEmpty(zero.Errors);
        Assert.Equal("--rounds 0 is not valid: --rounds must be a whole number from 1 to 100. A sensible value is 7.", Errors(zero));
        Assert.Contains("--rounds seven is not valid", Errors(Parse("bench", "--rounds", "seven")));
        Assert.Contains("--rounds", Errors(Parse("bench", "--rounds")));
        Assert.False(CourseCommandLine.RunsWork(zero));
    }

    [Fact]
    public void Bench_race_and_finder_check_their_counts()
    {
        var race = Parse("bench", "race", "--steps", "500", "--trials", "2");
        Assert.Empty(race.Errors);
        Assert.Equal(500, Value<int>(race, "--steps"));
        Assert.Equal(2, Value<int>(race, "--trials"));
        Assert.Equal(20_000, Value<int>(Parse("bench", "race"), "--steps"));
        Assert.Contains("--trials 0 is not valid", Errors(Parse("bench", "race", "--trials", "0")));

        var finder = Parse("bench", "finder", "--repetitions", "5", "--fixture");
        Assert.Empty(finder.Errors);
        Assert.Equal(5, Value<int>(finder, "--repetitions"));
        Assert.True(Value<bool>(finder, "--fixture"));
        // One repetition has no spread: refused, where the old parser silently took 3.
        Assert.Contains("--repetitions 1 is not valid: --repetitions must be a whole number from 2 to 50", Errors(Parse("bench", "finder", "--repetitions", "1")));
    }

    [Fact]
    public void The_benchmark_child_is_a_hidden_command_of_the_same_tree()
    {
        var r = Parse("bench-child", "--rounds", "4");

        Assert.Empty(r.Errors);
        Assert.Equal(4, Value<int>(r, "--rounds"));
        Assert.True(r.CommandResult.Command.Hidden);
        Assert.Contains("--rounds 0 is not valid", Errors(Parse("bench-child", "--rounds", "0")));
    }

    [Fact]
    public void Book_site_export_and_doctor_parse_their_options()
    {
        var book = Parse("book", "03", "--no-run");
        Assert.Empty(book.Errors);
        Assert.Equal(0, Value<int>(book, "--seed"));
        Assert.True(Value<bool>(book, "--no-run"));
        Assert.Contains("--seed -1 is not valid", Errors(Parse("book", "--seed", "-1")));

        var site = Parse("site", "--check", "--out", "s");
        Assert.Empty(site.Errors);
        Assert.True(Value<bool>(site, "--check"));
        Assert.Equal(Path.GetFullPath("s"), Value<string>(site, "--out"));
        Assert.Contains("--out", Errors(Parse("site", "--out")));
        Assert.NotEmpty(Parse("site", "extra").Errors);

        Assert.Empty(Parse("export", "01", "--out", "o").Errors);
        Assert.Contains("unknown option '--all'", Errors(Parse("export", "--all")));

        Assert.Empty(Parse("doctor").Errors);
        Assert.NotEmpty(Parse("doctor", "--fix").Errors);
    }

    [Fact]
    public void Study_needs_a_subcommand_and_checks_each_subcommands_options()
    {
        Assert.NotEmpty(Parse("study").Errors);

        var create = Parse("study", "create", "--id", "demo", "--trials", "100", "--heartbeat", "2", "--store", "st");
        Assert.Empty(create.Errors);
        Assert.Equal(100, Value<int?>(create, "--trials"));
        Assert.Equal(2.0, Value<double?>(create, "--heartbeat"));
        Assert.Contains("--trials 0 is not valid", Errors(Parse("study", "create", "--trials", "0")));
        Assert.Contains("--heartbeat 0.5 is not valid", Errors(Parse("study", "create", "--heartbeat", "0.5")));

        var work = Parse("study", "work", "--id", "demo", "--threads", "1", "--name", "w1", "--hold", "30", "--no-wait");
        Assert.Empty(work.Errors);
        Assert.Equal(1, Value<int?>(work, "--threads"));
        Assert.Equal("w1", Value<string>(work, "--name"));
        Assert.True(Value<bool>(work, "--no-wait"));
        Assert.Contains("--threads 0 is not valid", Errors(Parse("study", "work", "--threads", "0")));
        Assert.Contains("--hold -1 is not valid", Errors(Parse("study", "work", "--hold", "-1")));

        Assert.Empty(Parse("study", "show", "--id", "07-class-seed0").Errors);
        Assert.Empty(Parse("study", "export", "--id", "x", "--out", "class.jsonl").Errors);
        Assert.NotEmpty(Parse("study", "show", "--trials", "3").Errors);   // an option of create, not of show
        Assert.NotEmpty(Parse("study", "lists").Errors);
    }

    [Fact]
    public void No_command_or_an_unknown_one_is_bad_usage_with_the_generated_help()
    {
        var log = new StringWriter();
        var none = Parse();
        Assert.NotEmpty(none.Errors);
        Assert.Equal(2, CourseCommandLine.ReportErrors(Root, none, log));
        string text = log.ToString();
        foreach (string command in new[] { "run", "export", "book", "site", "doctor", "bench", "study" })
            Assert.Contains(command, text);
        Assert.DoesNotContain("bench-child", text);

        var bad = new StringWriter();
        Assert.Equal(2, CourseCommandLine.ReportErrors(Root, Parse("bench", "loop", "--rounds", "0"), bad));
        Assert.Contains("course bench loop: --rounds 0 is not valid", bad.ToString());
        Assert.Contains("--rounds <N>", bad.ToString());

        Assert.NotEmpty(Parse("teach").Errors);
        Assert.False(CourseCommandLine.RunsWork(Parse("--help")));
        Assert.False(CourseCommandLine.RunsWork(Parse("run", "--help")));
    }
}
