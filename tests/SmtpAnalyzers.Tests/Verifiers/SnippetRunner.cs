using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Constants;
using Xunit;

namespace SmtpAnalyzers.Tests.Verifiers;

/// <summary>
/// Compiles a test snippet (with the bundled constants) against the running framework and calls its
/// <c>public static string Run()</c>, so that a test can compare what the original and the fixed code send.
/// </summary>
public static class SnippetRunner
{
    private static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll" || Path.GetFileName(p) == "mscorlib.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToArray();

    public static string Run(string source, string typeName)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(source, parse),
            CSharpSyntaxTree.ParseText(ReplyCodeConstantsGenerator.GetConstantsSource(), parse),
            CSharpSyntaxTree.ParseText(ReplyCodeConstantsGenerator.GetEmbeddedAttributeSource(), parse),
        };
        var compilation = CSharpCompilation.Create(
            "Snippet" + Guid.NewGuid().ToString("N"),
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        var context = new AssemblyLoadContext(null, isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            var method = assembly.GetType(typeName)!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;
            return (string)method.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The text with every bare LF and lone CR made CR LF: what the fixed code must send.</summary>
    public static string WithCrLf(string text)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '\n' && (i == 0 || text[i - 1] != '\r')) || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                builder.Append("\r\n");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
