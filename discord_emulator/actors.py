"""What a test can do as a member: send, edit, delete, vote, run commands, click, fill in modals."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from discord_emulator import permissions as perms
from discord_emulator.interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL,
    MODAL_SUBMIT,
    InteractionError,
    InteractionHandle,
    build_command_data,
    build_interaction,
    find_command,
    find_component,
    modal_inputs,
)
from discord_emulator.messaging import create_message, delete_message, edit_message
from discord_emulator.model import Channel, Member, Message, User

if TYPE_CHECKING:
    from discord_emulator.server import Emulator


def _user(who: Member | User) -> User:
    return who.user if isinstance(who, Member) else who


class MemberActions:
    """Mixed into Emulator: every method acts as a member would through a Discord client."""

    def _require(self: Emulator, user: User, channel: Channel, needed: int, what: str) -> None:  # type: ignore[misc]
        if self.permissions_in(channel, user.id) & needed != needed:
            raise InteractionError(f"{user.username} cannot {what} in #{channel.name} (permissions)")

    def send_message(
        self: Emulator,
        who: Member | User,
        channel: Channel,
        content: str,
        *,  # type: ignore[misc]
        reply_to: Message | None = None,
        **extra: Any,
    ) -> Message:
        user = _user(who)
        needed = perms.SEND_MESSAGES_IN_THREADS if channel.is_thread else perms.SEND_MESSAGES
        if channel.guild_id is not None:
            self._require(user, channel, perms.VIEW_CHANNEL | needed, "send messages")
            if channel.is_thread and channel.locked:
                raise InteractionError(f"#{channel.name} is locked")
        if channel.is_thread and channel.archived:
            channel.archived = False
            self.dispatch("THREAD_UPDATE", channel.payload(), guild_id=channel.guild_id)
        body: dict[str, Any] = {"content": content, **extra}
        if reply_to is not None:
            body["message_reference"] = {"message_id": str(reply_to.id)}
        return create_message(self, channel, user, body)

    def edit_message(self: Emulator, who: Member | User, message: Message, content: str) -> Message:  # type: ignore[misc]
        if _user(who).id != message.author.id:
            raise InteractionError("members can only edit their own messages")
        return edit_message(self, message, {"content": content})

    def delete_message(self: Emulator, who: Member | User, message: Message) -> None:  # type: ignore[misc]
        user = _user(who)
        channel = self.channels[message.channel_id]
        if user.id != message.author.id:
            self._require(user, channel, perms.MANAGE_MESSAGES, "delete others' messages")
        delete_message(self, message)

    # -- polls ---------------------------------------------------------------------------------
    def vote(self: Emulator, who: Member | User, message: Message, answer_id: int) -> None:  # type: ignore[misc]
        user = _user(who)
        poll = message.poll
        if poll is None or not poll.is_open():
            raise InteractionError("that poll is closed or not a poll")
        if user.bot:
            raise InteractionError("bots cannot vote")
        if answer_id not in {a["answer_id"] for a in poll.answers}:
            raise InteractionError(f"no answer {answer_id}")
        self._require(user, self.channels[message.channel_id], perms.VIEW_CHANNEL, "see the poll")
        if not poll.allow_multiselect:
            for other, voters in poll.votes.items():
                if other != answer_id and user.id in voters:
                    self.unvote(user, message, other)
        voters = poll.votes.setdefault(answer_id, set())
        if user.id in voters:
            return
        voters.add(user.id)
        self._poll_event("MESSAGE_POLL_VOTE_ADD", user, message, answer_id)

    def unvote(self: Emulator, who: Member | User, message: Message, answer_id: int) -> None:  # type: ignore[misc]
        user = _user(who)
        poll = message.poll
        if poll is None or not poll.is_open():
            raise InteractionError("that poll is closed or not a poll")
        voters = poll.votes.get(answer_id, set())
        if user.id not in voters:
            return
        voters.discard(user.id)
        self._poll_event("MESSAGE_POLL_VOTE_REMOVE", user, message, answer_id)

    def _poll_event(self: Emulator, event: str, user: User, message: Message, answer_id: int) -> None:  # type: ignore[misc]
        data = {
            "user_id": str(user.id),
            "channel_id": str(message.channel_id),
            "message_id": str(message.id),
            "answer_id": answer_id,
        }
        if message.guild_id is not None:
            data["guild_id"] = str(message.guild_id)
        self.dispatch(event, data, guild_id=message.guild_id)

    # -- interactions --------------------------------------------------------------------------
    def _interact(
        self: Emulator,
        type: int,
        user: User,
        channel: Channel,
        data: dict[str, Any],
        *,  # type: ignore[misc]
        message: Message | None = None,
    ) -> InteractionHandle:
        handle, payload = build_interaction(self, type, user, channel, data, message=message)
        self.dispatch("INTERACTION_CREATE", payload, guild_id=None)
        return handle

    def run_command(
        self: Emulator,  # type: ignore[misc]
        who: Member | User,
        channel: Channel,
        path: str,
        /,
        **options: Any,
    ) -> InteractionHandle:
        """Run `/path` (e.g. "config set") with options, as `who` in `channel`."""
        user = _user(who)
        if channel.guild_id is not None:
            self._require(user, channel, perms.USE_APPLICATION_COMMANDS, "use commands")
        data = build_command_data(self, channel.guild_id, path, options)
        return self._interact(APPLICATION_COMMAND, user, channel, data)

    def autocomplete(
        self: Emulator,  # type: ignore[misc]
        who: Member | User,
        channel: Channel,
        path: str,
        /,
        *,
        focused: str,
        **options: Any,
    ) -> InteractionHandle:
        """Type into option `focused` of `/path`; the bot answers with choices."""
        data = build_command_data(self, channel.guild_id, path, options, focused=focused)
        return self._interact(AUTOCOMPLETE, _user(who), channel, data)

    def message_command(self: Emulator, who: Member | User, message: Message, name: str) -> InteractionHandle:  # type: ignore[misc]
        """Run a message context-menu command (right-click → Apps → `name`) on `message`."""
        channel = self.channels[message.channel_id]
        command = find_command(self, channel.guild_id, name, type=3)
        data = {
            "id": command["id"],
            "name": name,
            "type": 3,
            "target_id": str(message.id),
            "resolved": {"messages": {str(message.id): message.payload(threads=self.channels)}},
        }
        return self._interact(APPLICATION_COMMAND, _user(who), channel, data)

    def click(self: Emulator, who: Member | User, message: Message, custom_id: str) -> InteractionHandle:  # type: ignore[misc]
        component = find_component(message, custom_id)
        if component.get("type") != 2:
            raise InteractionError(f"{custom_id!r} is not a button")
        data = {"custom_id": custom_id, "component_type": 2}
        return self._interact(MESSAGE_COMPONENT, _user(who), self.channels[message.channel_id], data, message=message)

    def select(
        self: Emulator,
        who: Member | User,
        message: Message,
        custom_id: str,  # type: ignore[misc]
        values: list[str],
    ) -> InteractionHandle:
        component = find_component(message, custom_id)
        if component.get("type") not in (3, 5, 6, 7, 8):
            raise InteractionError(f"{custom_id!r} is not a select menu")
        low, high = component.get("min_values", 1), component.get("max_values", 1)
        if not low <= len(values) <= high:
            raise InteractionError(f"choose between {low} and {high} values")
        if component["type"] == 3:
            allowed = {o["value"] for o in component.get("options", [])}
            if not set(values) <= allowed:
                raise InteractionError(f"{values} are not all options of {custom_id!r}")
        data = {"custom_id": custom_id, "component_type": component["type"], "values": values}
        return self._interact(MESSAGE_COMPONENT, _user(who), self.channels[message.channel_id], data, message=message)

    def submit_modal(self: Emulator, opened_by: InteractionHandle, values: dict[str, str]) -> InteractionHandle:  # type: ignore[misc]
        """Fill in and submit the modal the bot opened in answer to `opened_by`."""
        if not opened_by.callback or opened_by.callback.get("type") != MODAL:
            raise InteractionError("the bot did not open a modal for that interaction")
        modal = opened_by.callback["data"]
        inputs = {i["custom_id"]: i for i in modal_inputs(modal)}
        unknown = set(values) - set(inputs)
        if unknown:
            raise InteractionError(f"the modal has no inputs {sorted(unknown)}")
        rows = []
        for custom_id, spec in inputs.items():
            value = values.get(custom_id, spec.get("value") or "")
            if spec.get("required", True) and not value:
                raise InteractionError(f"modal input {custom_id!r} is required")
            if len(value) > spec.get("max_length", 4000) or len(value) < spec.get("min_length", 0):
                raise InteractionError(f"modal input {custom_id!r} length out of range")
            rows.append({"type": 1, "components": [{"type": 4, "custom_id": custom_id, "value": value}]})
        data = {"custom_id": modal["custom_id"], "components": rows}
        return self._interact(MODAL_SUBMIT, opened_by.user, opened_by.channel, data, message=opened_by.source_message)
