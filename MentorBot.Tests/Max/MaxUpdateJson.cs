using MentorBot.Host.Max;
using MentorBot.Host.Persistence;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Max;

/// <summary>MAX updates through the pipeline harness.</summary>
public static class MaxHarness
{
    /// <summary>Records a MAX update as received (its JSON as MAX sends it) and handles it.</summary>
    public static async Task FromMaxAsync(this PipelineHarness harness, string updateJson)
    {
        var update = MaxJson.ReadUpdate(updateJson);
        await harness.Services.GetRequiredService<UpdateInbox>().RecordAsync(MaxUpdates.Source, [MaxUpdates.ToInbound(update)], default);
        await harness.ProcessAllAsync();
    }
}

/// <summary>MAX updates as MAX sends them (dev.max.ru/docs-api, the schema's <c>Update</c> objects), written by hand.</summary>
public static class MaxUpdateJson
{
    /// <summary>The dialog chat id of user <paramref name="userId"/> in these tests (a MAX dialog's chat id is not the user's id).</summary>
    public static long DialogOf(long userId) => 9_000_000_000 + userId;

    /// <summary><c>message_created</c> with a text in the user's dialog (or a group chat).</summary>
    public static string Text(long userId, string text, string mid, long time = FakeMaxApi.Now, string name = "Мария", string chatType = "dialog", long? chatId = null) => $$$"""
        {"update_type":"message_created","timestamp":{{{time}}},
         "message":{{{UserMessage(userId, text, mid, time, name, chatType, chatId)}}},
         "user_locale":"ru"}
        """;

    /// <summary><c>message_edited</c>: the user's message <paramref name="mid"/>, written at <paramref name="sentAt"/>, now reads <paramref name="text"/>.</summary>
    public static string Edited(long userId, string text, string mid, long sentAt, long editedAt, string name = "Мария") => $$$"""
        {"update_type":"message_edited","timestamp":{{{editedAt}}},
         "message":{{{UserMessage(userId, text, mid, sentAt, name, "dialog", null)}}} }
        """;

    private static string UserMessage(long userId, string text, string mid, long time, string name, string chatType, long? chatId) => $$$"""
        {"sender":{"user_id":{{{userId}}},"first_name":"{{{name}}}","last_name":"","is_bot":false},
         "recipient":{"chat_id":{{{chatId ?? DialogOf(userId)}}},"chat_type":"{{{chatType}}}"},
         "timestamp":{{{time}}},"body":{"mid":"{{{mid}}}","seq":1,"text":{{{System.Text.Json.JsonSerializer.Serialize(text)}}}}}
        """;

    /// <summary><c>bot_started</c>: the user opened the bot, by a deep link when <paramref name="payload"/> is set.</summary>
    public static string Started(long userId, string? payload, long time = FakeMaxApi.Now, string name = "Мария") => $$$"""
        {"update_type":"bot_started","timestamp":{{{time}}},"chat_id":{{{DialogOf(userId)}}},
         "user":{"user_id":{{{userId}}},"first_name":"{{{name}}}","is_bot":false}{{{(payload is null ? "" : $",\"payload\":\"{payload}\"")}}},"user_locale":"ru"}
        """;

    /// <summary><c>bot_stopped</c>: the user stopped the bot in their dialog.</summary>
    public static string Stopped(long userId, long time) => $$$"""
        {"update_type":"bot_stopped","timestamp":{{{time}}},"chat_id":{{{DialogOf(userId)}}},"user":{"user_id":{{{userId}}},"first_name":"Мария","is_bot":false} }
        """;

    /// <summary><c>message_callback</c>: the user pressed a button with <paramref name="payload"/> under a bot message.</summary>
    public static string Press(long userId, string payload, string callbackId, long time = FakeMaxApi.Now, string name = "Мария") => $$$"""
        {"update_type":"message_callback","timestamp":{{{time}}},
         "callback":{"timestamp":{{{time}}},"callback_id":"{{{callbackId}}}","payload":"{{{payload}}}",
                     "user":{"user_id":{{{userId}}},"first_name":"{{{name}}}","is_bot":false}},
         "message":{"sender":{"user_id":{{{FakeMaxApi.BotUserId}}},"first_name":"Бот","is_bot":true},
                    "recipient":{"chat_id":{{{DialogOf(userId)}}},"chat_type":"dialog"},
                    "timestamp":{{{time - 1000}}},"body":{"mid":"mid.bot-{{{callbackId}}}","seq":1,"text":"Вопрос"}},
         "user_locale":"ru"}
        """;

    /// <summary><c>message_created</c> with one file attachment.</summary>
    public static string File(long userId, string url, string fileName, long size, string mid, long time = FakeMaxApi.Now, string name = "Мария") => $$$"""
        {"update_type":"message_created","timestamp":{{{time}}},
         "message":{"sender":{"user_id":{{{userId}}},"first_name":"{{{name}}}","is_bot":false},
                    "recipient":{"chat_id":{{{DialogOf(userId)}}},"chat_type":"dialog"},
                    "timestamp":{{{time}}},"body":{"mid":"{{{mid}}}","seq":1,"text":"",
                    "attachments":[{"type":"file","payload":{"url":"{{{url}}}","token":"file-token"},"filename":"{{{fileName}}}","size":{{{size}}} }] } } }
        """;

    /// <summary><c>message_created</c> with one <c>image</c> attachment (a picture sent as a picture, not as a file).</summary>
    public static string Image(long userId, string url, string mid, long time = FakeMaxApi.Now, string name = "Мария") => $$$"""
        {"update_type":"message_created","timestamp":{{{time}}},
         "message":{"sender":{"user_id":{{{userId}}},"first_name":"{{{name}}}","is_bot":false},
                    "recipient":{"chat_id":{{{DialogOf(userId)}}},"chat_type":"dialog"},
                    "timestamp":{{{time}}},"body":{"mid":"{{{mid}}}","seq":1,"text":"",
                    "attachments":[{"type":"image","payload":{"photo_id":1,"url":"{{{url}}}","token":"image-token"}}] } } }
        """;
}
