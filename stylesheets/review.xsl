<?xml version="1.0" encoding="UTF-8"?>
<!--
  review.xsl: the endorsement committee's review checklist.

  Input: <present xmlns="urn:endorse:present:1"> with one <entry> per
  applicant, each holding the checklist (urn:endorse:checklist:1) and the
  portfolio it was made from (urn:endorse:portfolio:1).
  Parameters: created (the PDF date).
  Output: a layout document (schemas/layout.xsd).

  One applicant after another, each on a new page with its own bookmark:
  the computed verdict of every rule with its evidence and agree /
  disagree boxes, the committee-judgement items with space to write, a
  recommendation block and two reviewers' name, signature and date lines.
  "Confidential" in the footer.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:e="urn:endorse:present:1"
    xmlns:c="urn:endorse:checklist:1"
    xmlns:p="urn:endorse:portfolio:1"
    xmlns="urn:endorse:layout:1"
    exclude-result-prefixes="e c p">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="created" select="'2000-01-01'"/>

  <xsl:variable name="entries" select="/e:present/e:entry"/>
  <xsl:variable name="first" select="$entries[1]/c:checklist"/>

  <xsl:template name="result-words">
    <xsl:param name="r"/>
    <xsl:choose>
      <xsl:when test="$r = 'ready'">Ready for committee</xsl:when>
      <xsl:when test="$r = 'needs-review'">Needs committee review</xsl:when>
      <xsl:otherwise>Not ready</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A rule's status as a mark: the shape and the word. -->
  <xsl:template name="mark">
    <xsl:param name="s"/>
    <xsl:param name="label"/>
    <mark>
      <xsl:attribute name="shape">
        <xsl:choose>
          <xsl:when test="$s = 'met'">check</xsl:when>
          <xsl:when test="$s = 'not-met'">cross</xsl:when>
          <xsl:when test="$s = 'not-applicable'">dash</xsl:when>
          <xsl:when test="$s = 'review'">question</xsl:when>
          <xsl:when test="$s = 'pending'">clock</xsl:when>
          <xsl:otherwise>info</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="string($label) != ''"><xsl:value-of select="$label"/></xsl:when>
        <xsl:when test="$s = 'met'">Met</xsl:when>
        <xsl:when test="$s = 'not-met'">Not met</xsl:when>
        <xsl:when test="$s = 'not-applicable'">Not applicable</xsl:when>
        <xsl:when test="$s = 'review'">Review</xsl:when>
        <xsl:when test="$s = 'pending'">Pending</xsl:when>
        <xsl:otherwise>Advice</xsl:otherwise>
      </xsl:choose>
    </mark>
  </xsl:template>

  <xsl:template name="result-status">
    <xsl:param name="r"/>
    <xsl:choose>
      <xsl:when test="$r = 'ready'">met</xsl:when>
      <xsl:when test="$r = 'needs-review'">review</xsl:when>
      <xsl:otherwise>not-met</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/">
    <document created="{$created}" page-size="letter" lang="en">
      <title>
        <xsl:choose>
          <xsl:when test="count($entries) = 1"><xsl:value-of select="concat('Committee review checklist: ', substring($entries[1]/p:portfolio/p:applicant/p:name, 1, 200))"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('Committee review checklists: ', count($entries), ' applicants')"/></xsl:otherwise>
        </xsl:choose>
      </title>
      <author><xsl:value-of select="$first/@association-name"/></author>
      <subject><xsl:value-of select="concat($first/@title, ': committee review checklist')"/></subject>
      <keywords><xsl:value-of select="concat('endorsement, ', $first/@association, ', Level ', $first/@level, ', committee review')"/></keywords>
      <header>
        <left><xsl:value-of select="$first/@association"/></left>
        <center>Committee review checklist</center>
        <right><xsl:value-of select="concat('Level ', $first/@level)"/></right>
      </header>
      <footer>
        <left><xsl:value-of select="concat('Evaluated as of ', $first/@as-of)"/></left>
        <right>Page {page} of {pages}</right>
        <note>Confidential: for the endorsement committee only. Do not copy or forward.</note>
      </footer>
      <body>
        <xsl:for-each select="$entries">
          <xsl:call-template name="applicant">
            <xsl:with-param name="cl" select="c:checklist"/>
            <xsl:with-param name="pf" select="p:portfolio"/>
            <xsl:with-param name="n" select="position()"/>
          </xsl:call-template>
        </xsl:for-each>
      </body>
    </document>
  </xsl:template>

  <xsl:template name="applicant">
    <xsl:param name="cl"/>
    <xsl:param name="pf"/>
    <xsl:param name="n"/>
    <xsl:variable name="name" select="string($pf/p:applicant/p:name)"/>
    <section level="1" id="{concat('applicant-', $n)}">
      <xsl:if test="$n &gt; 1"><xsl:attribute name="new-page">yes</xsl:attribute></xsl:if>
      <heading><span field="{concat('applicant name in ', substring(@source, 1, 160))}"><xsl:value-of select="$name"/></span></heading>
      <table field="applicant">
        <col width="1"/><col width="3"/>
        <row><cell>Endorsement</cell><cell><xsl:value-of select="concat($cl/@title, ', ', $cl/@track-name, ' track, ', $cl/@association)"/></cell></row>
        <xsl:if test="$pf/p:application/@submitted">
          <row><cell>Submitted</cell><cell><xsl:value-of select="$pf/p:application/@submitted"/></cell></row>
        </xsl:if>
        <row><cell>Evaluated as of</cell><cell><xsl:value-of select="$cl/@as-of"/></cell></row>
        <row>
          <cell>Computed result</cell>
          <cell>
            <xsl:call-template name="mark">
              <xsl:with-param name="s"><xsl:call-template name="result-status"><xsl:with-param name="r" select="$cl/@result"/></xsl:call-template></xsl:with-param>
              <xsl:with-param name="label"><xsl:call-template name="result-words"><xsl:with-param name="r" select="$cl/@result"/></xsl:call-template></xsl:with-param>
            </xsl:call-template>
            <br/><xsl:value-of select="$cl/c:summary"/>
          </cell>
        </row>
      </table>

      <section level="2" id="{concat('rules-', $n)}">
        <heading>Requirements: computed verdicts</heading>
        <p style="small">For each rule, endorse's verdict and its evidence. Tick whether you agree; note anything the committee should discuss.</p>
        <table field="verdicts">
          <col width="9"/><col width="15"/><col width="50"/><col width="26"/>
          <header><cell>Rule</cell><cell>Verdict</cell><cell>Requirement, finding and evidence</cell><cell>Reviewer</cell></header>
          <xsl:for-each select="$cl/c:rule[not(@judgement)]">
            <row>
              <cell><xsl:value-of select="@id"/></cell>
              <cell><xsl:call-template name="mark"><xsl:with-param name="s" select="@status"/></xsl:call-template></cell>
              <cell>
                <i><xsl:value-of select="c:requirement"/></i><br/>
                <xsl:value-of select="c:explanation"/>
                <xsl:if test="c:shortfall"><br/><b><xsl:value-of select="c:shortfall"/></b></xsl:if>
                <xsl:for-each select="c:evidence/c:item">
                  <br/><xsl:text>- </xsl:text><span field="evidence"><xsl:value-of select="."/></span>
                  <xsl:if test="@status = 'excluded'"> (not counted)</xsl:if>
                </xsl:for-each>
              </cell>
              <cell>
                <xsl:if test="@status != 'not-applicable'">
                  <checkbox>agree</checkbox><br/><checkbox>disagree</checkbox><br/>Note:
                </xsl:if>
              </cell>
            </row>
          </xsl:for-each>
        </table>
      </section>

      <section level="2" id="{concat('judgement-', $n)}">
        <heading>For the committee's judgement</heading>
        <xsl:for-each select="$cl/c:rule[@judgement = 'yes']">
          <keep>
            <p><b><xsl:value-of select="concat(@id, ': ')"/></b><xsl:value-of select="c:requirement"/></p>
            <p style="small"><xsl:value-of select="c:explanation"/></p>
            <xsl:if test="c:evidence/c:item">
              <list field="evidence">
                <xsl:for-each select="c:evidence/c:item"><item><span field="evidence"><xsl:value-of select="."/></span></item></xsl:for-each>
              </list>
            </xsl:if>
            <p><checkbox>documented</checkbox><xsl:text>&#160;&#160;&#160;&#160; </xsl:text><checkbox>not documented</checkbox><xsl:text>&#160;&#160;&#160;&#160; </xsl:text><checkbox>ask the applicant</checkbox></p>
            <write-space lines="3" label="Comments"/>
          </keep>
        </xsl:for-each>
      </section>

      <section level="2" id="{concat('recommendation-', $n)}">
        <heading>Recommendation</heading>
        <keep>
          <p><checkbox>Endorse</checkbox><xsl:text>&#160;&#160;&#160;&#160; </xsl:text><checkbox>Request more information</checkbox><xsl:text>&#160;&#160;&#160;&#160; </xsl:text><checkbox>Defer</checkbox></p>
          <write-space lines="4" label="Reasons and information requested"/>
          <write-space lines="1" label="Reviewer 1: printed name"/>
          <signature-line label="Reviewer 1: signature"/>
          <write-space lines="1" label="Reviewer 2: printed name"/>
          <signature-line label="Reviewer 2: signature"/>
        </keep>
      </section>
    </section>
  </xsl:template>

</xsl:stylesheet>
