<?xml version="1.0" encoding="UTF-8"?>
<!--
  eval-education.xsl: included by evaluate.xsl.  Degrees (EDU-1), the
  transcripts of what EDU-1 relies on (EDU-2), in-service training
  (EDU-3), training hours with a running total (TRN-1) and the committee
  judgements (TRN-2 with the competency areas of the rule file, LEAD-1,
  CMP-1).
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

  <!-- "MA, State University" / the description or title of the others -->
  <xsl:template name="edu-name">
    <xsl:value-of select="concat(@kind[not(parent::p:program)], p:description, p:title, ', ', p:institution)"/>
  </xsl:template>

  <!-- "MA, MS or MD" from a rule's degree list -->
  <xsl:template name="or-list">
    <xsl:param name="list"/>
    <xsl:param name="first" select="true()"/>
    <xsl:variable name="l" select="normalize-space($list)"/>
    <xsl:variable name="head" select="substring-before(concat($l, ' '), ' ')"/>
    <xsl:variable name="rest" select="substring-after($l, ' ')"/>
    <xsl:if test="$l != ''">
      <xsl:if test="not($first)">
        <xsl:choose>
          <xsl:when test="$rest = ''"> or </xsl:when>
          <xsl:otherwise>, </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:value-of select="$head"/>
      <xsl:call-template name="or-list">
        <xsl:with-param name="list" select="$rest"/>
        <xsl:with-param name="first" select="false()"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:degree" mode="verdict">
    <xsl:variable name="rule" select="."/>
    <v>
      <xsl:choose>
        <xsl:when test="$edu-listed">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($edu-relied/@kind, ', ', $edu-relied/p:institution, ', awarded ', $edu-relied/@awarded, '.')"/></x>
        </xsl:when>
        <xsl:when test="$edu-review">
          <xsl:attribute name="status">review</xsl:attribute>
          <x>No degree from the list; the committee decides whether the degree specific to infant mental health, specialization or certificate program qualifies.</x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>
            <xsl:text>No qualifying degree is recorded</xsl:text>
            <xsl:variable name="later" select="$pf/p:education/*[count(. | $edu-held) != count($edu-held)]"/>
            <xsl:if test="$later">
              <xsl:text> as awarded by the evaluation date (</xsl:text>
              <xsl:for-each select="$later">
                <xsl:if test="position() &gt; 1">; </xsl:if>
                <xsl:call-template name="edu-name"/>
                <xsl:value-of select="concat(': ', @awarded, @completed)"/>
              </xsl:for-each>
              <xsl:text>)</xsl:text>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </x>
          <short>Add a qualifying graduate degree (<xsl:call-template name="or-list"><xsl:with-param name="list" select="@degrees"/></xsl:call-template> or a degree specific to infant mental health).</short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$pf/p:education/p:degree | $pf/p:education/p:other-degree | $pf/p:education/p:program">
        <item>
          <xsl:if test="@id"><xsl:attribute name="ref"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
          <xsl:attribute name="date"><xsl:value-of select="concat(@awarded, @completed)"/></xsl:attribute>
          <xsl:choose>
            <xsl:when test="count(. | $edu-listed) = count($edu-listed)"><xsl:attribute name="status">counted</xsl:attribute></xsl:when>
            <xsl:when test="count(. | $edu-basis) = count($edu-basis)"><xsl:attribute name="status">review</xsl:attribute></xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="status">not-applicable</xsl:attribute>
              <xsl:attribute name="reason">
                <xsl:choose>
                  <xsl:when test="count(. | $edu-held) != count($edu-held)">awarded after the evaluation date</xsl:when>
                  <xsl:when test="$edu-listed">a qualifying degree is recorded</xsl:when>
                  <xsl:when test="self::p:other-degree and @level = 'bachelor'">not a graduate degree</xsl:when>
                  <xsl:otherwise>not specific to infant mental health</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:choose>
            <xsl:when test="self::p:degree"><xsl:value-of select="concat(@kind, ', ', p:institution, ', ', @awarded)"/></xsl:when>
            <xsl:when test="self::p:other-degree"><xsl:value-of select="concat(p:description, ' (', @level, ', specific to IMH: ', @imh-specific, '), ', p:institution, ', ', @awarded)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat(p:title, ' (')"/><xsl:call-template name="word"><xsl:with-param name="code" select="@kind"/></xsl:call-template><xsl:value-of select="concat('), ', p:institution, ', ', @completed)"/></xsl:otherwise>
          </xsl:choose>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <!-- Transcripts for what EDU-1 relies on; the rest is shown, not judged. -->
  <xsl:template match="r:transcripts" mode="verdict">
    <xsl:variable name="claimed" select="$edu-relied"/>
    <xsl:variable name="lacking" select="$claimed[not(@transcript-received) or number(translate(@transcript-received, '-', '')) &gt; $as-of-num]"/>
    <v>
      <xsl:choose>
        <xsl:when test="not($claimed)">
          <xsl:attribute name="status">not-applicable</xsl:attribute>
          <x>No degree or program that EDU-1 relies on is recorded yet.</x>
        </xsl:when>
        <xsl:when test="not($lacking)">
          <xsl:attribute name="status">met</xsl:attribute>
          <x>Official transcript received for the degree or program EDU-1 relies on.</x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>The official transcript of the degree or program EDU-1 relies on (<xsl:for-each select="$claimed"><xsl:call-template name="edu-name"/></xsl:for-each>) is not received.</x>
          <short>
            <xsl:text>Send the official transcript for: </xsl:text>
            <xsl:for-each select="$lacking">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:call-template name="edu-name"/>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$pf/p:education/p:degree | $pf/p:education/p:other-degree | $pf/p:education/p:program">
        <xsl:variable name="relied" select="count(. | $claimed) = count($claimed)"/>
        <xsl:variable name="got" select="@transcript-received and number(translate(@transcript-received, '-', '')) &lt;= $as-of-num"/>
        <item>
          <xsl:if test="@id"><xsl:attribute name="ref"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
          <xsl:attribute name="status">
            <xsl:choose>
              <xsl:when test="not($relied)">not-applicable</xsl:when>
              <xsl:when test="$got">received</xsl:when>
              <xsl:otherwise>missing</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:if test="not($relied)"><xsl:attribute name="reason">not relied on by EDU-1: shown, not judged</xsl:attribute></xsl:if>
          <xsl:call-template name="edu-name"/>
          <xsl:if test="@transcript-received"><xsl:value-of select="concat(': transcript received ', @transcript-received)"/></xsl:if>
          <xsl:if test="not($relied)"> (not relied on by EDU-1: shown, not judged)</xsl:if>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:on-request" mode="verdict">
    <xsl:variable name="request" select="$pf/p:education/p:in-service-request"/>
    <v>
      <xsl:choose>
        <xsl:when test="$request">
          <xsl:attribute name="status">review</xsl:attribute>
          <x>The applicant asks to use intensive in-service training in place of some course work: the committee decides.</x>
          <item><xsl:value-of select="normalize-space($request)"/></item>
          <xsl:for-each select="$pf/p:training/p:course[@in-service = 'yes']">
            <item><xsl:value-of select="concat('in-service: ', p:title, ', ', @hours, ' h')"/></item>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-applicable</xsl:attribute>
          <x>The applicant does not ask to use in-service training in place of course work.</x>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <!-- Every course in portfolio order: <t n h c reason/>, c = the
       hundredths that count (0 when not). -->
  <xsl:template name="training-entries">
    <xsl:for-each select="$pf/p:training/p:course">
      <xsl:variable name="h"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@hours"/></xsl:call-template></xsl:variable>
      <xsl:variable name="reason">
        <xsl:choose>
          <xsl:when test="@relationship-based != 'yes'">not relationship-based</xsl:when>
          <xsl:when test="number(translate(@start, '-', '')) &gt; $as-of-num">after the evaluation date</xsl:when>
        </xsl:choose>
      </xsl:variable>
      <t n="{position()}" h="{$h}" reason="{$reason}" date="{@start}" hours="{@hours}">
        <xsl:attribute name="c"><xsl:choose><xsl:when test="$reason = ''"><xsl:value-of select="$h"/></xsl:when><xsl:otherwise>0</xsl:otherwise></xsl:choose></xsl:attribute>
        <xsl:value-of select="concat(p:title, ' (', p:provider, ', ', @start, '): ', @hours, ' h')"/>
      </t>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="r:hours" mode="verdict">
    <xsl:variable name="need"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@min"/></xsl:call-template></xsl:variable>
    <xsl:variable name="t-rtf"><xsl:call-template name="training-entries"/></xsl:variable>
    <xsl:variable name="items" select="ef:cumulate(exsl:node-set($t-rtf)/c:t, 'c')"/>
    <xsl:variable name="have" select="sum($items/@c)"/>
    <xsl:variable name="have-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$have"/></xsl:call-template></xsl:variable>
    <xsl:variable name="need-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need"/></xsl:call-template></xsl:variable>
    <xsl:variable name="gap-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need - $have"/></xsl:call-template></xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="$have &gt;= $need">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($have-s, ' clock hours of relationship-based training (', $need-s, ' required).')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat($have-s, ' of ', $need-s, ' clock hours of relationship-based training.')"/></x>
          <short><xsl:value-of select="concat('Needs ', $gap-s, ' more clock hours of relationship-based training.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$items">
        <xsl:variable name="run-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="@running"/></xsl:call-template></xsl:variable>
        <item n="{@n}" date="{@date}" h="{@h}" hours="{@hours}" running="{$run-s}">
          <xsl:attribute name="status"><xsl:choose><xsl:when test="@reason = ''">counted</xsl:when><xsl:otherwise>excluded</xsl:otherwise></xsl:choose></xsl:attribute>
          <xsl:if test="@reason != ''"><xsl:attribute name="reason"><xsl:value-of select="@reason"/></xsl:attribute></xsl:if>
          <xsl:value-of select="."/>
          <xsl:if test="@reason != ''"><xsl:value-of select="concat(' (', @reason, ')')"/></xsl:if>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <!-- The competency areas of the rule, each covered or not by training
       started on or before the evaluation date: <area id name covered/>. -->
  <xsl:template name="areas">
    <xsl:param name="rule"/>
    <xsl:variable name="have" select="$pf/p:training/p:course[number(translate(@start, '-', '')) &lt;= $as-of-num]/p:competency"/>
    <xsl:for-each select="$rule/r:area">
      <area id="{@id}" name="{@name}" covered="{boolean($have[. = current()/@id])}"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="r:judgement" mode="verdict">
    <v status="review">
      <xsl:choose>
        <xsl:when test="@evidence = 'competencies'">
          <xsl:variable name="areas-rtf"><xsl:call-template name="areas"><xsl:with-param name="rule" select="."/></xsl:call-template></xsl:variable>
          <xsl:variable name="areas" select="exsl:node-set($areas-rtf)/c:area"/>
          <x><xsl:value-of select="concat('Committee judgement: the training covers ', count($areas[@covered = 'true']), ' of ', count($areas), ' competency areas.')"/></x>
          <xsl:for-each select="$areas[@covered = 'true']">
            <item status="covered" ref="{@id}"><xsl:value-of select="@name"/></item>
          </xsl:for-each>
          <xsl:for-each select="$areas[@covered = 'false']">
            <item status="missing" ref="{@id}" reason="not covered"><xsl:value-of select="concat(@name, ': not covered')"/></item>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="@evidence = 'leadership'">
          <xsl:variable name="acts" select="$pf/p:experience/p:leadership"/>
          <x>Committee judgement: <xsl:call-template name="n"><xsl:with-param name="n" select="count($acts)"/><xsl:with-param name="one" select="'leader activity is'"/><xsl:with-param name="many" select="'leader activities are'"/></xsl:call-template> listed.</x>
          <xsl:for-each select="$acts">
            <item><xsl:call-template name="word"><xsl:with-param name="code" select="@activity"/></xsl:call-template><xsl:value-of select="concat(' (', @scope, ', from ', @start, '): ', normalize-space(p:description))"/></item>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <x><xsl:value-of select="concat('Committee judgement: does the portfolio document the Infant Mental Health Mentor competencies of the ', $track-name, ' track?')"/></x>
          <item><xsl:value-of select="concat(count($pf/p:training/p:course), ' training entries, ', count($pf/p:experience/p:position), ' positions, ', count($pf/p:experience/p:leadership), ' leader activities, ', count($sessions), ' RS/C sessions, ', count($refs), ' references')"/></item>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

</xsl:stylesheet>
