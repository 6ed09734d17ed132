using System.Collections.Generic;

namespace SmtpAnalyzers.CorpusRunner;

/// <summary>Everything one run measured; written as JSON with <c>--json</c>.</summary>
internal sealed class Report
{
    public string Folder { get; set; } = string.Empty;

    public string RoslynVersion { get; set; } = string.Empty;

    public int Files { get; set; }

    public int Lines { get; set; }

    public List<string> Rules { get; set; } = new();

    public List<DiagnosticEntry> Diagnostics { get; set; } = new();

    public SortedDictionary<string, int> DiagnosticsPerRule { get; set; } = new();

    public List<ExceptionEntry> AnalyzerExceptions { get; set; } = new();

    /// <summary>AD0001 diagnostics the compiler reported (each is also an analyzer exception).</summary>
    public int AD0001Count { get; set; }

    public FixReport? Fixes { get; set; }

    public Timings Timings { get; set; } = new();

    /// <summary>True when a target failed: an analyzer or fixer exception, a fix that broke the build, or a fix that is not idempotent.</summary>
    public bool Failed { get; set; }
}

internal sealed class DiagnosticEntry
{
    public string Id { get; set; } = string.Empty;

    public string Severity { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;

    public string File { get; set; } = string.Empty;

    public int Line { get; set; }

    public int Column { get; set; }

    public int EndLine { get; set; }

    public int EndColumn { get; set; }

    public string SourceLine { get; set; } = string.Empty;

    /// <summary>Whether the rule's fixer offered a fix here (null with --no-fix).</summary>
    public bool? FixOffered { get; set; }

    /// <summary>Whether Fix All changed the text here (null with --no-fix).</summary>
    public bool? FixApplied { get; set; }
}

internal sealed class ExceptionEntry
{
    public string Source { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;

    public string? File { get; set; }

    public int? Line { get; set; }

    public string StackTrace { get; set; } = string.Empty;
}

internal sealed class FixReport
{
    public List<FixerEntry> Fixers { get; set; } = new();

    public int FixesOffered { get; set; }

    public int FixesApplied { get; set; }

    public int FilesChanged { get; set; }

    /// <summary>Compiler errors and warnings after the fixes that were not there before (compared by id and message).</summary>
    public List<DiagnosticEntry> NewCompilerDiagnostics { get; set; } = new();

    public int NewCompilerErrors { get; set; }

    /// <summary>Compiler errors and warnings before and after the fixes (most come from references the folder does not have).</summary>
    public int CompilerDiagnosticsBefore { get; set; }

    public int CompilerDiagnosticsAfter { get; set; }

    public int NewCompilerWarnings { get; set; }

    /// <summary>Places a second Fix All still changed, or where a rule still reports on text the first Fix All wrote.</summary>
    public List<DiagnosticEntry> NonIdempotent { get; set; } = new();

    public List<ExceptionEntry> FixerExceptions { get; set; } = new();
}

internal sealed class FixerEntry
{
    public string Fixer { get; set; } = string.Empty;

    public string DiagnosticId { get; set; } = string.Empty;

    public string? EquivalenceKey { get; set; }

    public int Diagnostics { get; set; }

    public int Offered { get; set; }

    public int Applied { get; set; }
}

internal sealed class Timings
{
    public double LoadSeconds { get; set; }

    public double AnalyzeSeconds { get; set; }

    public double FixSeconds { get; set; }

    public double TotalSeconds { get; set; }

    /// <summary>Time inside each analyzer (the rest of "analyze" is the compiler binding the code).</summary>
    public SortedDictionary<string, double> AnalyzerSeconds { get; set; } = new();
}
