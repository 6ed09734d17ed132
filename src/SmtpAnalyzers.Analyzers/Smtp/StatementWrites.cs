using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Smtp;

/// <summary>
/// The last command-line write of each whole statement <see cref="SmtpSemantics.FindReplyContext"/> has scanned in one file.
/// Made per file by the walk and dropped after it, used by one thread: each reply code scans every statement before it in its
/// method for the last command line written, so without it a method with many codes has its statements scanned once per code.
/// </summary>
internal sealed class StatementWrites
{
    private readonly Dictionary<SyntaxNode, SmtpSemantics.Write> writes = new();

    internal SmtpSemantics.Write LastWrite(StatementSyntax statement)
    {
        if (!writes.TryGetValue(statement, out var write))
        {
            write = SmtpSemantics.LastWrite(statement, int.MaxValue);
            writes.Add(statement, write);
        }

        return write;
    }
}
