"""Every sentence about OBS that a user reads, from the codes the lower layers return."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def connection_state(state: str) -> str:
    return {
        "disconnected": translate("Messages", "Not connected"),
        "connecting": translate("Messages", "Connecting to OBS…"),
        "connected": translate("Messages", "Connected to OBS"),
        "reconnecting": translate("Messages", "Reconnecting to OBS…"),
        "failed": translate("Messages", "Cannot connect to OBS"),
    }.get(state, state)


def connect_reason(reason: str, address: str = "") -> str:
    """Why the last connect failed, with what to do about it."""
    texts = {
        "refused": translate(
            "Messages",
            "OBS is not running at {address}, or its WebSocket server is off "
            "(OBS: Tools → WebSocket Server Settings).",
        ),
        "timeout": translate(
            "Messages", "No answer from {address}. Check the address and that OBS is running."
        ),
        "unreachable": translate(
            "Messages", "The computer at {address} cannot be reached. Check the network."
        ),
        "bad_host": translate(
            "Messages", "The address {address} does not exist. Check the host name."
        ),
        "network": translate("Messages", "Network error talking to {address}."),
        "no_hello": translate(
            "Messages",
            "Something answers at {address}, but it is not OBS's WebSocket "
            "server (or OBS is still starting).",
        ),
        "not_obs": translate("Messages", "The service at {address} is not OBS's WebSocket server."),
        "closed": translate("Messages", "OBS closed the connection."),
        "protocol": translate("Messages", "OBS answered in a way LiveDesk does not understand."),
        "auth_failed": translate(
            "Messages",
            "Wrong OBS password. Copy it from OBS: Tools → WebSocket Server "
            "Settings → Show Connect Info.",
        ),
        "password_required": translate(
            "Messages",
            "OBS asks for a password. Enter the one shown in OBS: "
            "Tools → WebSocket Server Settings.",
        ),
        "too_old": translate(
            "Messages",
            "This OBS is too old. LiveDesk needs OBS 28 or newer (WebSocket protocol 5).",
        ),
        "lost": translate("Messages", "The connection to OBS was lost."),
        "no_answer": translate("Messages", "OBS stopped answering."),
        "address_changed": translate("Messages", "Connecting to the new address…"),
        "internal": translate(
            "Messages", "LiveDesk hit an internal error talking to OBS (see the log); retrying."
        ),
    }
    text = texts.get(reason)
    return text.format(address=address) if text else ""


def request_failure(request_type: str, code: str, comment: str) -> str:
    """A command that did not happen, said so that the host knows it did not happen."""
    if code == "not_connected":
        return translate("Messages", "Not done: OBS is not connected.")
    if code == "stale":
        return translate("Messages", "Not done: OBS was busy and the command came too late.")
    if code == "internal":
        return translate("Messages", "Not done: LiveDesk hit an internal error (see the log).")
    if code == "timeout":
        return translate("Messages", "OBS did not answer within 3 seconds ({request}).").format(
            request=request_type
        )
    if code == "lost":
        return translate(
            "Messages", "Not done: the connection to OBS was lost ({request})."
        ).format(request=request_type)
    if code == "500":
        return translate("Messages", "Not done: {what} is already running.").format(
            what=_output(request_type)
        )
    if code == "501":
        return translate("Messages", "Not done: {what} is not running.").format(
            what=_output(request_type)
        )
    if code == "600":
        return translate("Messages", "OBS does not have that item any more: {comment}").format(
            comment=comment
        )
    return translate("Messages", "OBS refused {request}: {comment} (code {code})").format(
        request=request_type, comment=comment or "-", code=code
    )


def _output(request_type: str) -> str:
    if "Stream" in request_type:
        return translate("Messages", "the live stream")
    if "Record" in request_type:
        return translate("Messages", "the recording")
    return request_type


def queue_failure(action: str, code: str) -> str:
    """Why a queue action did not happen."""
    texts = {
        "sold_out": translate("Messages", "Not done: this product is sold out. Add stock first."),
        "nothing_pending": translate("Messages", "No product is waiting in the queue."),
        "nothing_explaining": translate(
            "Messages", "Start 讲解 on a product first: a flash sale is for the current product."
        ),
        "negative_stock": translate("Messages", "Stock cannot be negative."),
        "negative_price": translate("Messages", "A price cannot be negative."),
        "bad_price": translate("Messages", "Not a price. Type it like 59.9 or ¥59.90."),
        "bad_stock": translate("Messages", "Not a number of items. Type it like 120."),
        "countdown_out_of_range": translate("Messages", "The countdown must be 10 to 300 seconds."),
        "duration_out_of_range": translate("Messages", "The sale must last 1 to 20 minutes."),
        "bad_quantity": translate("Messages", "The quantity must be at least 1."),
        "nothing_to_undo": translate("Messages", "Nothing to undo."),
        "sale_running": translate(
            "Messages", "A flash sale is running. End it first (Shift+F) to start another."
        ),
        "no_sale_running": translate("Messages", "No flash sale is running."),
        "no_show": translate("Messages", "No show is open."),
        "db_error": translate(
            "Messages", "Could not save to the show database (see the log). The change was undone."
        ),
    }
    return texts.get(code, translate("Messages", "Not done ({0}).").format(code))


def offer_failure(code: str) -> str:
    """Why a coupon or lucky bag could not be scheduled."""
    texts = {
        "duration_out_of_range": translate(
            "Messages", "An offer must run from 10 seconds to 12 hours."
        ),
        "bad_quantity": translate("Messages", "The quantity must be at least 1."),
        "no_show": translate("Messages", "No show is open."),
        "start_in_past": translate("Messages", "The start time has already passed."),
        "db_error": translate("Messages", "Could not save to the show database (see the log)."),
    }
    return texts.get(code, translate("Messages", "Not done ({0}).").format(code))
