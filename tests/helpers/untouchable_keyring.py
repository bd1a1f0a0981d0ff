"""A keyring backend that fails any read or write, for PYTHON_KEYRING_BACKEND: a run that must
not touch the user's keyring (the self-test) exits with an error if it does."""

import os

from keyring.backend import KeyringBackend

TOUCHED = "LIVEDESK_TEST_KEYRING_TOUCHED"


class UntouchableKeyring(KeyringBackend):
    priority = 1

    def _touched(self, what: str):
        marker = os.environ.get(TOUCHED)
        if marker:
            with open(marker, "a", encoding="utf-8") as f:
                f.write(what + "\n")
        raise AssertionError(f"the keyring was touched: {what}")

    def get_password(self, service, username):
        self._touched(f"get {service}")

    def set_password(self, service, username, password):
        self._touched(f"set {service}")

    def delete_password(self, service, username):
        self._touched(f"delete {service}")
