using System;
using SmtpAnalyzers;

namespace ValidCode.Smtp
{
    /// <summary>A parsed SMTP reply: class checks (RFC 5321 §4.2.1) by range, specific codes by name.</summary>
    public readonly record struct SmtpReply(int Code, string Text)
    {
        public bool IsPositive => Code >= 200 && Code < 400;

        public bool IsTransientFailure => Code >= 400 && Code < 500;

        public bool IsPermanentFailure => Code >= 500;

        public bool IsReady => Code == SmtpReplyCode.ServiceReady;

        public bool IsStartMailInput => Code == SmtpReplyCode.StartMailInput;

        public static SmtpReply Parse(string line)
        {
            if (line.Length < 3 || !int.TryParse(line.Substring(0, 3), out var code))
            {
                throw new FormatException("Not an SMTP reply: " + line);
            }

            return new SmtpReply(code, line.Length > 4 ? line.Substring(4) : string.Empty);
        }

        public override string ToString() => Code + " " + Text;
    }

    public static class SmtpReplyPolicy
    {
        public static bool ShouldRetry(SmtpReply reply) => reply.IsTransientFailure || reply.Code == SmtpReplyCode.ServiceNotAvailable;

        public static string Classify(SmtpReply reply) => (reply.Code / 100) switch
        {
            2 => "completed",
            3 => "intermediate",
            4 => "transient",
            5 => "permanent",
            _ => "invalid",
        };
    }
}
