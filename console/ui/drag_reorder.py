"""Table models whose rows the user reorders by drag: a drop asks the service to move the row,
and the model re-renders from the service. The view never moves rows itself."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QMimeData, Qt


class DragReorderModel(QAbstractTableModel):
    mime_type = "application/x-livedesk-row"

    def row_ids(self) -> list[int]:
        """The rows' ids, in order."""
        raise NotImplementedError

    def move_row(self, row_id: int, to_index: int) -> None:
        """Ask the service to move the row."""
        raise NotImplementedError

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [self.mime_type]

    def mimeData(self, indexes):
        data = QMimeData()
        data.setData(self.mime_type, str(self.row_ids()[indexes[0].row()]).encode())
        return data

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not data.hasFormat(self.mime_type):
            return False
        row_id = int(bytes(data.data(self.mime_type)).decode())
        ids = self.row_ids()
        target = row if row >= 0 else parent.row() if parent.isValid() else len(ids)
        if row_id not in ids:  # the list changed under the drag
            return False
        source = ids.index(row_id)
        self.move_row(row_id, target - 1 if target > source else target)
        return False  # Qt must not remove the dragged row: the service's change re-renders
