using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpAnalyzers.Smtp;

/// <summary>
/// The <c>.editorconfig</c> options shared by every rule. All option names follow one scheme:
/// <c>smtp_analyzers.&lt;option&gt;</c>.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>Types (full or simple names) whose members and parameters are treated as SMTP, like types named *Smtp*.</summary>
    public const string SmtpTypesKey = "smtp_analyzers.smtp_types";

    /// <summary>Members (<c>Type.Member</c> or <c>Member</c>) whose values are SMTP reply codes, whatever their names.</summary>
    public const string CodeMembersKey = "smtp_analyzers.code_members";

    public static readonly SmtpOptions Empty = new(ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty);

    private SmtpOptions(ImmutableHashSet<string> smtpTypes, ImmutableHashSet<string> codeMembers)
    {
        SmtpTypes = smtpTypes;
        CodeMembers = codeMembers;
    }

    public ImmutableHashSet<string> SmtpTypes { get; }

    public ImmutableHashSet<string> CodeMembers { get; }

    public bool IsEmpty => SmtpTypes.IsEmpty && CodeMembers.IsEmpty;

    public static SmtpOptions Read(AnalyzerConfigOptions options)
    {
        var types = ReadList(options, SmtpTypesKey);
        var members = ReadList(options, CodeMembersKey);
        return types.IsEmpty && members.IsEmpty ? Empty : new SmtpOptions(types, members);
    }

    private static ImmutableHashSet<string> ReadList(AnalyzerConfigOptions options, string key)
    {
        if (!options.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return ImmutableHashSet<string>.Empty;
        }

        var builder = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Trim();
            if (name.StartsWith("global::", StringComparison.Ordinal))
            {
                name = name.Substring("global::".Length);
            }

            if (name.Length > 0)
            {
                builder.Add(name);
            }
        }

        return builder.ToImmutable();
    }
}
