using System;
using System.IO;
using System.Text;
using Xunit;

namespace SmtpAnalyzers.Tests.Docs;

/// <summary>The repository the tests run from, and the files in it that are generated from the code.</summary>
internal static class Repository
{
    /// <summary>Set to 1 to rewrite every generated file instead of failing when one is out of date.</summary>
    public const string UpdateVariable = "SMTPANALYZERS_UPDATE_DOCS";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder with SmtpAnalyzers.sln, found by walking up from the test assembly.</summary>
    public static string Root => LazyRoot.Value;

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static bool Exists(string relativePath) => File.Exists(PathOf(relativePath));

    /// <summary>The text of a file with line endings normalized to LF.</summary>
    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath)).Replace("\r\n", "\n");

    /// <summary>
    /// Fails when the committed file differs from what the code gives; with <see cref="UpdateVariable"/>=1 rewrites it instead.
    /// </summary>
    public static void AssertGenerated(string relativePath, string expected)
    {
        expected = expected.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var path = PathOf(relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        Assert.True(Exists(relativePath), relativePath + " is missing. " + UpdateHint);
        var actual = Read(relativePath);
        if (actual != expected)
        {
            Assert.Fail(relativePath + " is out of date. " + UpdateHint + "\n" + FirstDifference(expected, actual));
        }
    }

    public static string UpdateHint =>
        "Regenerate it with: " + UpdateVariable + "=1 dotnet test tests/SmtpAnalyzers.Tests --filter \"FullyQualifiedName~SmtpAnalyzers.Tests.Docs\"";

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                return "First difference at line " + (i + 1) + ":\n  expected: " + e + "\n  actual:   " + a;
            }
        }

        return string.Empty;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmtpAnalyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No SmtpAnalyzers.sln above " + AppContext.BaseDirectory);
    }
}
