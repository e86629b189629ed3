<?xml version="1.0" encoding="UTF-8"?>
<!--
  eval-rsc.xsl: included by evaluate.xsl.  Reflective supervision/
  consultation: hours (each session counted or not, with the reason and a
  running total), the time window (from $window and $reach of
  eval-facts.xsl), the providers (pooled person facts) and identified
  supervisors/consultants.
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

  <xsl:template match="r:rsc-hours" mode="verdict">
    <xsl:variable name="need"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@min"/></xsl:call-template></xsl:variable>
    <xsl:variable name="have-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$rsc-total"/></xsl:call-template></xsl:variable>
    <xsl:variable name="need-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need"/></xsl:call-template></xsl:variable>
    <xsl:variable name="gap-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need - $rsc-total"/></xsl:call-template></xsl:variable>
    <xsl:variable name="excluded-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="sum($sessions[@reason != '']/@h)"/></xsl:call-template></xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="$rsc-total &gt;= $need">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($have-s, ' RS/C hours with qualifying supervisors/consultants (', $need-s, ' required).')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>
            <xsl:value-of select="concat($have-s, ' of ', $need-s, ' RS/C hours count')"/>
            <xsl:if test="$sessions[@reason != '']"><xsl:value-of select="concat('; ', $excluded-s, ' recorded hours do not count (see RSC-3, RSC-4)')"/></xsl:if>
            <xsl:text>.</xsl:text>
          </x>
          <short><xsl:value-of select="concat('Needs ', $gap-s, ' more RS/C hours.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="session-items"/>
    </v>
  </xsl:template>

  <!-- Every session in portfolio order: counted or not, why, and the
       running total of counted hours (ef:cumulate: one pass), as the
       rule's entries. -->
  <xsl:template name="session-items">
    <xsl:variable name="c-rtf">
      <xsl:for-each select="$sessions">
        <s n="{@n}" date="{@date}" h="{@h}" reason="{@reason}" name="{@name}" format="{@format}">
          <xsl:attribute name="c"><xsl:choose><xsl:when test="@reason = ''"><xsl:value-of select="@h"/></xsl:when><xsl:otherwise>0</xsl:otherwise></xsl:choose></xsl:attribute>
        </s>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="ef:cumulate(exsl:node-set($c-rtf)/c:s, 'c')">
      <xsl:variable name="h-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="@h"/></xsl:call-template></xsl:variable>
      <xsl:variable name="run-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="@running"/></xsl:call-template></xsl:variable>
      <entry n="{@n}" date="{@date}" h="{@h}" hours="{$h-s}" running="{$run-s}">
        <xsl:attribute name="status"><xsl:choose><xsl:when test="@reason = ''">counted</xsl:when><xsl:otherwise>excluded</xsl:otherwise></xsl:choose></xsl:attribute>
        <xsl:if test="@reason != ''"><xsl:attribute name="reason"><xsl:value-of select="@reason"/></xsl:attribute></xsl:if>
        <xsl:value-of select="concat(@date, ', ', $h-s, ' h, ', translate(@format, '-', ' '))"/>
        <xsl:if test="@name != ''"><xsl:value-of select="concat(', ', @name)"/></xsl:if>
        <xsl:choose>
          <xsl:when test="@reason = ''"><xsl:value-of select="concat(': counted (', $run-s, ' h so far)')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat(': not counted (', @reason, ')')"/></xsl:otherwise>
        </xsl:choose>
      </entry>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="r:rsc-window" mode="verdict">
    <xsl:variable name="need"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@min"/></xsl:call-template></xsl:variable>
    <xsl:variable name="need-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need"/></xsl:call-template></xsl:variable>
    <xsl:variable name="frame" select="concat(@min-months, ' to ', @max-months, ' months')"/>
    <!-- Advice from the evaluation date forward: the earliest start whose
         window can still end on or after it, else a new start today. -->
    <xsl:variable name="advice">
      <xsl:choose>
        <xsl:when test="$reach">
          <xsl:variable name="more"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need - $reach/@hours"/></xsl:call-template></xsl:variable>
          <xsl:variable name="through">
            <xsl:choose>
              <xsl:when test="translate($reach/@first-end, '-', '') &gt; $as-of-num"><xsl:value-of select="$reach/@first-end"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$as-of"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:value-of select="concat('From ', $as-of, ', the window that starts with the session of ', $reach/@from,
              ' is still open: continue RS/C through at least ', $through)"/>
          <xsl:if test="$reach/@hours &lt; $need"><xsl:value-of select="concat(', with ', $more, ' more hours')"/></xsl:if>
          <xsl:value-of select="concat(', by ', $reach/@last-end, ' at the latest.')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat('No recorded session can start a window that is still open on ', $as-of,
              ': a new window starting now needs ', $need-s, ' hours, through at least ', ef:months-end($as-of, number(@min-months)),
              ' and by ', ef:months-end($as-of, number(@max-months)), ' at the latest.')"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="not($window)">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>No RS/C session with a qualifying supervisor/consultant is recorded.</x>
          <short><xsl:value-of select="concat('Record ', $need-s, ' RS/C hours over ', $frame, ': a window starting ', $as-of,
              ' may end from ', ef:months-end($as-of, number(@min-months)), ' to ', ef:months-end($as-of, number(@max-months)), '.')"/></short>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="h-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$window/@hours"/></xsl:call-template></xsl:variable>
          <xsl:variable name="gap-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need - $window/@hours"/></xsl:call-template></xsl:variable>
          <xsl:choose>
            <xsl:when test="$window/@valid = 'true' and $window/@hours &gt;= $need">
              <xsl:attribute name="status">met</xsl:attribute>
              <x><xsl:value-of select="concat($h-s, ' hours from ', $window/@from, ' to ', $window/@to, ' (', $window/@n, ' sessions), within ', $frame, '.')"/></x>
            </xsl:when>
            <xsl:when test="$window/@valid = 'true'">
              <xsl:attribute name="status">not-met</xsl:attribute>
              <x><xsl:value-of select="concat('The best window, ', $window/@from, ' to ', $window/@to, ', holds ', $h-s, ' of ', $need-s, ' hours.')"/></x>
              <short><xsl:value-of select="concat('Needs ', $gap-s, ' more RS/C hours within one ', $frame, ' window. ', $advice)"/></short>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="status">not-met</xsl:attribute>
              <x><xsl:value-of select="concat('The sessions from ', $window/@from, ' to ', $window/@to, ' (', $h-s, ' hours) span less than ', @min-months, ' months (a window from ', $window/@from, ' must reach ', $window/@first-end, ').')"/></x>
              <short><xsl:value-of select="concat('The RS/C must span at least ', @min-months, ' months. ', $advice)"/></short>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <xsl:template match="r:rsc-provider" mode="verdict">
    <xsl:variable name="with" select="$sessions[@provider != '' and @format != 'peer-group']"/>
    <!-- every session with a provider who does not qualify, dated after
         the evaluation date too: the provider is named either way -->
    <xsl:variable name="bad" select="$with[@why = '']"/>
    <xsl:variable name="good" select="$with[@why != '']"/>
    <xsl:variable name="badp" select="ef:distinct($bad, 'group')"/>
    <xsl:variable name="goodp" select="ef:distinct($good, 'group')"/>
    <xsl:variable name="alts">
      <xsl:for-each select="r:qualifies">
        <xsl:if test="position() &gt; 1"> or </xsl:if>
        <xsl:value-of select="@label"/>
      </xsl:for-each>
    </xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="not($with)">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>No RS/C session with an identified supervisor/consultant is recorded.</x>
          <short><xsl:value-of select="concat('RS/C must be with a supervisor/consultant who is ', $alts, '.')"/></short>
        </xsl:when>
        <xsl:when test="not($good)">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>
            <xsl:for-each select="$badp">
              <xsl:if test="position() &gt; 1"><xsl:choose><xsl:when test="position() = last()"> and </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose></xsl:if>
              <xsl:value-of select="@name"/>
            </xsl:for-each>
            <xsl:value-of select="concat(' does not qualify and no other provider is recorded: a provider must be ', $alts, '.')"/>
          </x>
          <short><xsl:value-of select="concat('RS/C must be with a supervisor/consultant who is ', $alts, '.')"/></short>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">met</xsl:attribute>
          <x>
            <xsl:for-each select="$goodp">
              <xsl:if test="position() &gt; 1"><xsl:choose><xsl:when test="position() = last()"> and </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose></xsl:if>
              <xsl:value-of select="@name"/>
            </xsl:for-each>
            <xsl:choose><xsl:when test="count($goodp) = 1"> qualifies</xsl:when><xsl:otherwise> qualify</xsl:otherwise></xsl:choose>
            <xsl:if test="$bad">
              <xsl:text>; hours with </xsl:text>
              <xsl:for-each select="$badp">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:value-of select="@name"/>
              </xsl:for-each>
              <xsl:value-of select="concat(' do not count (not ', $alts, ')')"/>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </x>
        </xsl:otherwise>
      </xsl:choose>
      <!-- one row per person, hours summed over all its sessions -->
      <xsl:for-each select="ef:sum-by($with, 'group', 'h')">
        <xsl:variable name="h-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="@sum"/></xsl:call-template></xsl:variable>
        <item ref="{@provider}" h="{@sum}" hours="{$h-s}">
          <xsl:attribute name="status">
            <xsl:choose><xsl:when test="@why != ''">counted</xsl:when><xsl:otherwise>excluded</xsl:otherwise></xsl:choose>
          </xsl:attribute>
          <xsl:if test="@why = ''"><xsl:attribute name="reason">provider does not qualify</xsl:attribute></xsl:if>
          <xsl:value-of select="concat(@name, ': ', $h-s, ' h, ')"/>
          <xsl:choose>
            <xsl:when test="@why != ''"><xsl:value-of select="@why"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat('does not qualify (not ', $alts, ')')"/></xsl:otherwise>
          </xsl:choose>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rsc-identified" mode="verdict">
    <xsl:variable name="out" select="$sessions[not(@provider != '') or @format = 'peer-group' or @reason = 'after the evaluation date']"/>
    <v>
      <xsl:choose>
        <xsl:when test="not($sessions[@provider != '' and @format != 'peer-group'])">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>No session with an identified supervisor/consultant is recorded.</x>
          <short>Record RS/C sessions with an identified supervisor/consultant.</short>
        </xsl:when>
        <xsl:when test="$out">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:call-template name="n"><xsl:with-param name="n" select="count($out)"/><xsl:with-param name="one" select="'session does'"/><xsl:with-param name="many" select="'sessions do'"/></xsl:call-template> not count (listed); every counted session is with an identified supervisor/consultant.</x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">met</xsl:attribute>
          <x>Every session is with an identified supervisor/consultant.</x>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$out">
        <xsl:variable name="h-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="@h"/></xsl:call-template></xsl:variable>
        <item status="excluded" n="{@n}" date="{@date}" h="{@h}" hours="{$h-s}" reason="{@reason}"><xsl:value-of select="concat(@date, ', ', $h-s, ' h, ', translate(@format, '-', ' '), ': ', @reason)"/></item>
      </xsl:for-each>
    </v>
  </xsl:template>

</xsl:stylesheet>
