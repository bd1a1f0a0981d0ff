<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AddProductsDialog</name>
    <message numerus="yes">
        <location filename="../../console/ui/add_products_dialog.py" line="270"/>
        <source>{0} of %n product(s) shown, {1} selected</source>
        <translation>
            <numerusform>{0} of %n product shown, {1} selected</numerusform>
            <numerusform>{0} of %n products shown, {1} selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RundownPanel</name>
    <message numerus="yes">
        <location filename="../../console/ui/rundown_panel.py" line="553"/>
        <source>Imported %n segment(s).</source>
        <translation>
            <numerusform>Imported %n segment.</numerusform>
            <numerusform>Imported %n segments.</numerusform>
        </translation>
    </message>
</context>
</TS>
