<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>RundownPanel</name>
    <message numerus="yes">
        <location filename="../../console/ui/rundown_panel.py" line="550"/>
        <source>Imported %n segment(s).</source>
        <translation>
            <numerusform>Imported %n segment.</numerusform>
            <numerusform>Imported %n segments.</numerusform>
        </translation>
    </message>
</context>
</TS>
