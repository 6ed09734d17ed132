using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.ReplyCodes;

namespace SmtpAnalyzers.Smtp;

/// <summary>The SMTP003 options (<c>.editorconfig</c>, one scheme: <c>smtp_analyzers.&lt;option&gt;</c>).</summary>
public sealed class CommandContextOptions
{
    /// <summary>Extensions the code does not implement: STARTTLS, AUTH, BDAT (or CHUNKING), ETRN, ATRN, SIZE, NULLMX.</summary>
    public const string DisabledExtensionsKey = "smtp_analyzers.disabled_extensions";

    /// <summary>Extra method-name prefixes of command handlers (added to Handle, On, Process, Execute, Do).</summary>
    public const string HandlerPrefixesKey = "smtp_analyzers.command_handler_prefixes";

    /// <summary>Extra method/class-name suffixes of command handlers (added to Command, Handler, Cmd).</summary>
    public const string HandlerSuffixesKey = "smtp_analyzers.command_handler_suffixes";

    /// <summary>Methods that register a handler for a verb: <c>Register("RCPT", handler)</c> (added to the built-in shape: any call with an exact verb string and a lambda).</summary>
    public const string DispatchMethodsKey = "smtp_analyzers.command_dispatch_methods";

    public static readonly ImmutableArray<string> DefaultPrefixes = ImmutableArray.Create("Handle", "On", "Process", "Execute", "Do");

    public static readonly ImmutableArray<string> DefaultSuffixes = ImmutableArray.Create("CommandHandler", "Command", "Handler", "Verb", "Cmd");

    public static readonly CommandContextOptions Default = new(SmtpExtension.None, DefaultPrefixes, DefaultSuffixes, ImmutableHashSet<string>.Empty);

    private CommandContextOptions(SmtpExtension disabled, ImmutableArray<string> prefixes, ImmutableArray<string> suffixes, ImmutableHashSet<string> dispatchMethods)
    {
        Disabled = disabled;
        Prefixes = prefixes;
        Suffixes = suffixes;
        DispatchMethods = dispatchMethods;
    }

    public SmtpExtension Disabled { get; }

    public ImmutableArray<string> Prefixes { get; }

    public ImmutableArray<string> Suffixes { get; }

    public ImmutableHashSet<string> DispatchMethods { get; }

    public static CommandContextOptions Read(AnalyzerConfigOptions options)
    {
        var disabled = SmtpExtension.None;
        foreach (var name in Split(options, DisabledExtensionsKey))
        {
            disabled |= name.ToUpperInvariant() switch
            {
                "STARTTLS" or "TLS" => SmtpExtension.StartTls,
                "AUTH" => SmtpExtension.Auth,
                "BDAT" or "CHUNKING" => SmtpExtension.Bdat,
                "ETRN" => SmtpExtension.Etrn,
                "ATRN" or "ODMR" => SmtpExtension.Atrn,
                "SIZE" => SmtpExtension.Size,
                "NULLMX" or "NULL_MX" or "RFC7504" => SmtpExtension.NullMx,
                _ => SmtpExtension.None,
            };
        }

        var prefixes = Split(options, HandlerPrefixesKey);
        var suffixes = Split(options, HandlerSuffixesKey);
        var dispatch = Split(options, DispatchMethodsKey);
        if (disabled == SmtpExtension.None && prefixes.IsEmpty && suffixes.IsEmpty && dispatch.IsEmpty)
        {
            return Default;
        }

        return new CommandContextOptions(
            disabled,
            DefaultPrefixes.AddRange(prefixes),
            suffixes.AddRange(DefaultSuffixes),
            ImmutableHashSet.CreateRange(StringComparer.Ordinal, dispatch));
    }

    private static ImmutableArray<string> Split(AnalyzerConfigOptions options, string key)
    {
        if (!options.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return ImmutableArray<string>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in value.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Trim();
            if (name.Length > 0)
            {
                builder.Add(name);
            }
        }

        return builder.ToImmutable();
    }
}
