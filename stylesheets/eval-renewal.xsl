<?xml version="1.0" encoding="UTF-8"?>
<!--
  eval-renewal.xsl: included by evaluate.xsl.  Continuing endorsement: one
  calendar year's record (training hours, RS/C hours, membership).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:endorse:portfolio:1"
    xmlns:r="urn:endorse:requirements:1"
    xmlns="urn:endorse:checklist:1"
    xmlns:c="urn:endorse:checklist:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:ef="urn:endorse:functions"
    exclude-result-prefixes="p r c exsl ef">

  <!-- Renewal: one calendar year's record. -->
  <xsl:variable name="ren" select="$pf/p:renewals/p:renewal[@year = $year]"/>

  <xsl:template name="no-renewal-record">
    <xsl:attribute name="status">not-met</xsl:attribute>
    <x><xsl:value-of select="concat('No renewal record for ', $year, '.')"/></x>
    <short><xsl:value-of select="concat('Needs the continuing education and membership for ', $year, ' recorded.')"/></short>
  </xsl:template>

  <xsl:template match="r:renewal-hours" mode="verdict">
    <xsl:variable name="need"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@min"/></xsl:call-template></xsl:variable>
    <xsl:variable name="need-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need"/></xsl:call-template></xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="not($ren)"><xsl:call-template name="no-renewal-record"/></xsl:when>
        <xsl:otherwise>
          <xsl:variable name="have"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="$ren/@training-hours"/></xsl:call-template></xsl:variable>
          <xsl:variable name="have-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$have"/></xsl:call-template></xsl:variable>
          <xsl:variable name="gap-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need - $have"/></xsl:call-template></xsl:variable>
          <xsl:choose>
            <xsl:when test="$have &gt;= $need">
              <xsl:attribute name="status">met</xsl:attribute>
              <x><xsl:value-of select="concat($have-s, ' clock hours in ', $year, ' (', $need-s, ' required).')"/></x>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="status">not-met</xsl:attribute>
              <x><xsl:value-of select="concat($have-s, ' of ', $need-s, ' clock hours in ', $year, '.')"/></x>
              <short><xsl:value-of select="concat('Needs ', $gap-s, ' more clock hours of training for ', $year, '.')"/></short>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <xsl:template match="r:renewal-topic-hours" mode="verdict">
    <xsl:variable name="need"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@min"/></xsl:call-template></xsl:variable>
    <xsl:variable name="need-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need"/></xsl:call-template></xsl:variable>
    <v status="met">
      <xsl:choose>
        <!-- endorsed-tracks: whose endorsees who provide RS/C it is for -->
        <xsl:when test="(@endorsed-tracks and not(contains(concat(' ', normalize-space(@endorsed-tracks), ' '), concat(' ', $trk, ' '))))
            or not($ren/@provides-rsc = 'yes')">
          <x>
            <xsl:text>Applies to </xsl:text>
            <xsl:for-each select="$req/r:tracks/r:track[contains(concat(' ', normalize-space(current()/@endorsed-tracks), ' '), concat(' ', @id, ' '))]">
              <xsl:if test="position() &gt; 1"> and </xsl:if>
              <xsl:value-of select="concat('Level IV-', @name)"/>
            </xsl:for-each>
            <xsl:text> endorsees who provide RS/C; not the case here.</xsl:text>
          </x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="have"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="$ren/@rsc-training-hours"/></xsl:call-template></xsl:variable>
          <xsl:variable name="have-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$have"/></xsl:call-template></xsl:variable>
          <xsl:choose>
            <xsl:when test="$have &gt;= $need"><x><xsl:value-of select="concat($have-s, ' of the hours are about RS/C (', $need-s, ' recommended): followed.')"/></x></xsl:when>
            <xsl:otherwise><x><xsl:value-of select="concat('Only ', $have-s, ' of the hours are about RS/C; ', $need-s, ' are recommended.')"/></x></xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <xsl:template match="r:renewal-membership" mode="verdict">
    <xsl:variable name="end" select="number(concat($year, '1231'))"/>
    <xsl:variable name="m" select="($ren/p:membership | $pf/p:attestations/p:membership)[number(translate(@paid-through, '-', '')) &gt;= $end]"/>
    <v>
      <xsl:choose>
        <xsl:when test="$m">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($m[1]/@association, ' membership paid through ', $m[1]/@paid-through, '.')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('No membership is paid through the end of ', $year, '.')"/></x>
          <short><xsl:value-of select="concat('Needs membership renewed for ', $year, '.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <xsl:template match="r:renewal-receives-rsc" mode="verdict">
    <v status="met">
      <xsl:choose>
        <xsl:when test="$ren/@receives-rsc = 'yes'"><x>Receives reflective supervision/consultation: followed.</x></xsl:when>
        <xsl:when test="$ren/@provides-rsc = 'yes'"><x>Provides RS/C but receives none: receiving RS/C is especially recommended.</x></xsl:when>
        <xsl:otherwise><x>Receiving reflective supervision/consultation is recommended.</x></xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

</xsl:stylesheet>
