<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout-text: the text of a layout document (schemas/layout.xsd) as the
  line format bench/floor.c sets, so that the floor program sets the same
  text as endorse without reading XML.  Run once, outside the timed part.

  One line per block; the first field says what it is:
    T  title        H1|H2|H3  heading      P  paragraph   L  list item
    C  column widths (space-separated)     TH header cells   TR row cells
    E  end of a table
  Fields are separated by tabs; tabs and newlines in text become spaces.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:endorse:layout:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="tab" select="'&#9;'"/>

  <xsl:template match="/l:document">
    <xsl:value-of select="concat('T', $tab)"/>
    <xsl:apply-templates select="l:title" mode="text"/>
    <xsl:value-of select="$nl"/>
    <xsl:apply-templates select="l:body"/>
  </xsl:template>

  <xsl:template match="l:section">
    <xsl:value-of select="concat('H', @level, $tab)"/>
    <xsl:apply-templates select="l:heading" mode="text"/>
    <xsl:value-of select="$nl"/>
    <xsl:apply-templates select="*[not(self::l:heading)]"/>
  </xsl:template>

  <xsl:template match="l:p">
    <xsl:value-of select="concat('P', $tab)"/>
    <xsl:apply-templates mode="text"/>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="l:item">
    <xsl:value-of select="concat('L', $tab)"/>
    <xsl:apply-templates mode="text"/>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="l:table">
    <xsl:text>C</xsl:text>
    <xsl:for-each select="l:col">
      <xsl:value-of select="concat($tab, @width)"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
    <xsl:apply-templates select="l:header | l:row"/>
    <xsl:value-of select="concat('E', $nl)"/>
  </xsl:template>

  <xsl:template match="l:header | l:row">
    <xsl:value-of select="concat('T', substring('HR', 1 + number(boolean(self::l:row)), 1))"/>
    <xsl:for-each select="l:cell">
      <xsl:value-of select="$tab"/>
      <xsl:apply-templates mode="text"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="l:signature-line">
    <xsl:value-of select="concat('P', $tab, @label, ' ______________ ', @date-label, ' ______', $nl)"/>
  </xsl:template>

  <xsl:template match="l:write-space">
    <xsl:value-of select="concat('P', $tab, @label, $nl)"/>
  </xsl:template>

  <xsl:template match="*"><xsl:apply-templates select="*"/></xsl:template>

  <!-- Inline content: text only; marks become their label. -->
  <xsl:template match="text()" mode="text">
    <xsl:value-of select="translate(., '&#9;&#10;&#13;', '   ')"/>
  </xsl:template>
  <xsl:template match="l:br" mode="text"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="l:status[not(node())] | l:mark[not(node())]" mode="text">
    <xsl:value-of select="@value"/>
  </xsl:template>
  <xsl:template match="*" mode="text"><xsl:apply-templates mode="text"/></xsl:template>
</xsl:stylesheet>
