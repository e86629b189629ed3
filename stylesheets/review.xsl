<?xml version="1.0" encoding="UTF-8"?>
<!--
  review.xsl: the endorsement committee's review checklist.

  Input: <present xmlns="urn:endorse:present:1"> with one <entry> per
  applicant, each holding the checklist (urn:endorse:checklist:1) and the
  portfolio it was made from (urn:endorse:portfolio:1).
  Parameters: created (the PDF date); reviewers (how many reviewer
  copies, 1 to 9, default 2); number-from (the number of the first entry
  in its file, default 1: a batch's combined review lays out one
  applicant at a time, stylesheets/review-index.xsl making its index).
  Output: a layout document (schemas/layout.xsd).

  Two volunteer reviewers fill the checklist in with a pen, separately,
  then agree.  Per applicant, one part of the file, numbered on its own
  ("Page 2 of 6") and headed on every page with the applicant's name and
  association: one copy per reviewer ("Reviewer 1 of 2", a name line),
  each with the computed verdict of every rule, its evidence and source
  line, tick boxes and a note line the width of the table; the
  committee-judgement items; a recommendation; then one consensus page
  (decision, comments for the applicant, both reviewers' names,
  signatures and dates, the meeting date, the conflict-of-interest
  statement).  A file of several applicants is laid out one applicant at
  a time after its index (review-index.xsl): see src/combined.c.
  Every number comes from the checklist.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:e="urn:endorse:present:1"
    xmlns:c="urn:endorse:checklist:1"
    xmlns:p="urn:endorse:portfolio:1"
    xmlns="urn:endorse:layout:1"
    exclude-result-prefixes="e c p">

  <xsl:include href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="created" select="'2000-01-01'"/>
  <xsl:param name="reviewers" select="'2'"/>
  <xsl:param name="number-from" select="'1'"/>

  <xsl:variable name="entries" select="/e:present/e:entry"/>
  <xsl:variable name="first" select="$entries[1]/c:checklist"/>
  <xsl:variable name="copies">
    <xsl:choose>
      <xsl:when test="number($reviewers) &gt;= 1 and number($reviewers) &lt;= 9"><xsl:value-of select="floor(number($reviewers))"/></xsl:when>
      <xsl:otherwise>2</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The associations of the file, each once, in order of appearance. -->
  <xsl:variable name="assocs" select="$entries/c:checklist[not(@association = preceding::c:checklist/@association)]"/>

  <xsl:template match="/">
    <document created="{$created}" page-size="letter" lang="en">
      <title>
        <xsl:choose>
          <xsl:when test="count($entries) = 1"><xsl:value-of select="concat('Committee review checklist: ', substring($entries[1]/p:portfolio/p:applicant/p:name, 1, 200))"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('Committee review checklists: ', count($entries), ' applicants')"/></xsl:otherwise>
        </xsl:choose>
      </title>
      <author><xsl:for-each select="$assocs"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:value-of select="@association-name"/></xsl:for-each></author>
      <subject>
        <xsl:choose>
          <xsl:when test="count($entries) = 1"><xsl:value-of select="concat($first/@title, ': committee review checklist')"/></xsl:when>
          <xsl:otherwise>Endorsement: committee review checklists</xsl:otherwise>
        </xsl:choose>
      </subject>
      <keywords><xsl:text>endorsement, committee review</xsl:text><xsl:for-each select="$assocs"><xsl:value-of select="concat(', ', @association)"/></xsl:for-each></keywords>
      <header>
        <left><xsl:for-each select="$assocs"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="@association"/></xsl:for-each></left>
        <center>Committee review checklist</center>
      </header>
      <footer>
        <left><xsl:value-of select="concat('Evaluated as of ', $first/@as-of)"/></left>
        <right>Page {page} of {pages}</right>
        <note><xsl:value-of select="$confidential"/></note>
      </footer>
      <body>
        <xsl:for-each select="$entries">
          <xsl:call-template name="applicant">
            <xsl:with-param name="cl" select="c:checklist"/>
            <xsl:with-param name="pf" select="p:portfolio"/>
            <xsl:with-param name="n" select="position() + number($number-from) - 1"/>
            <xsl:with-param name="source" select="@source"/>
          </xsl:call-template>
        </xsl:for-each>
      </body>
    </document>
  </xsl:template>

  <xsl:template name="applicant">
    <xsl:param name="cl"/>
    <xsl:param name="pf"/>
    <xsl:param name="n"/>
    <xsl:param name="source"/>
    <xsl:variable name="name" select="substring(string($pf/p:applicant/p:name), 1, 200)"/>
    <part bookmark="{$name}">
      <!-- the file warnings about this applicant's text name; control
           characters of a file name as '?' -->
      <xsl:if test="string($source) != ''">
        <xsl:attribute name="source"><xsl:value-of select="substring(translate($source, '&#9;&#10;&#13;&#127;&#128;&#129;&#130;&#131;&#132;&#133;&#134;&#135;&#136;&#137;&#138;&#139;&#140;&#141;&#142;&#143;&#144;&#145;&#146;&#147;&#148;&#149;&#150;&#151;&#152;&#153;&#154;&#155;&#156;&#157;&#158;&#159;&#x2028;&#x2029;&#x200E;&#x200F;&#x202A;&#x202B;&#x202C;&#x202D;&#x202E;&#x2066;&#x2067;&#x2068;&#x2069;', '????????????????????????????????????????????????'), 1, 4096)"/></xsl:attribute>
      </xsl:if>
      <header>
        <left><xsl:value-of select="$cl/@association"/></left>
        <center><xsl:value-of select="$name"/></center>
        <right><xsl:value-of select="concat('Level ', $cl/@level, ', ', $cl/@track-name)"/></right>
      </header>
      <footer>
        <left><xsl:value-of select="concat('Evaluated as of ', $cl/@as-of)"/></left>
        <right>Page {page} of {pages}</right>
        <note><xsl:value-of select="$confidential"/></note>
      </footer>
      <xsl:call-template name="copy">
        <xsl:with-param name="cl" select="$cl"/>
        <xsl:with-param name="pf" select="$pf"/>
        <xsl:with-param name="n" select="$n"/>
        <xsl:with-param name="i" select="1"/>
      </xsl:call-template>
      <xsl:call-template name="consensus">
        <xsl:with-param name="cl" select="$cl"/>
        <xsl:with-param name="pf" select="$pf"/>
        <xsl:with-param name="n" select="$n"/>
      </xsl:call-template>
    </part>
  </xsl:template>

  <!-- Reviewer i's copy, then the next ones. -->
  <xsl:template name="copy">
    <xsl:param name="cl"/>
    <xsl:param name="pf"/>
    <xsl:param name="n"/>
    <xsl:param name="i"/>
    <xsl:variable name="who" select="concat('Reviewer ', $i, ' of ', $copies)"/>
    <xsl:variable name="k" select="concat($n, '-', $i)"/>
    <section level="1">
      <xsl:if test="$i = 1"><xsl:attribute name="id"><xsl:value-of select="concat('applicant-', $n)"/></xsl:attribute></xsl:if>
      <xsl:if test="$i &gt; 1"><xsl:attribute name="new-page">yes</xsl:attribute></xsl:if>
      <heading><xsl:value-of select="concat('Committee review checklist: ', $who)"/></heading>
      <table field="applicant">
        <col width="1"/><col width="3"/>
        <row><cell>Applicant</cell><cell><b><span field="applicant name"><xsl:call-template name="src-line"><xsl:with-param name="of" select="$pf/p:applicant/p:name"/></xsl:call-template><xsl:value-of select="$pf/p:applicant/p:name"/></span></b></cell></row>
        <row><cell>Endorsement</cell><cell><xsl:value-of select="concat($cl/@title, ', ', $cl/@track-name, ' track')"/></cell></row>
        <row><cell>Association</cell><cell><xsl:call-template name="association"><xsl:with-param name="cl" select="$cl"/></xsl:call-template></cell></row>
        <xsl:if test="$pf/p:application/@submitted">
          <row><cell>Submitted</cell><cell><xsl:value-of select="$pf/p:application/@submitted"/></cell></row>
        </xsl:if>
        <row><cell>Evaluated as of</cell><cell><xsl:value-of select="$cl/@as-of"/></cell></row>
        <row>
          <cell>Computed result</cell>
          <cell><xsl:call-template name="result-mark"><xsl:with-param name="r" select="$cl/@result"/></xsl:call-template><br/><xsl:call-template name="text"><xsl:with-param name="s" select="$cl/c:summary"/></xsl:call-template></cell>
        </row>
      </table>
      <signature-line label="{concat($who, ': printed name')}" date-label=""/>

      <section level="2" id="{concat('rules-', $k)}">
        <heading>Requirements: computed verdicts</heading>
        <p style="small">For each rule, the verdict computed from the portfolio, its evidence and where the requirement is written. Tick whether you agree; where the committee judges, tick what it finds. Note anything the committee should discuss on the line under the rule.</p>
        <table field="verdicts">
          <col width="10"/><col width="17"/><col width="49"/><col width="24"/>
          <header><cell>Rule</cell><cell>Verdict</cell><cell>Requirement, finding and evidence</cell><cell>Reviewer</cell></header>
          <xsl:for-each select="$cl/c:rule[not(@judgement)]">
            <xsl:variable name="noted" select="@status != 'not-applicable'"/>
            <row>
              <xsl:if test="$noted or c:evidence/c:item"><xsl:attribute name="keep-with-next">yes</xsl:attribute></xsl:if>
              <cell><xsl:call-template name="rule-id"/></cell>
              <cell><xsl:call-template name="mark"><xsl:with-param name="s" select="@status"/></xsl:call-template></cell>
              <cell>
                <i><xsl:call-template name="text"><xsl:with-param name="s" select="c:requirement"/></xsl:call-template></i><br/>
                <xsl:call-template name="text"><xsl:with-param name="s" select="c:explanation"/></xsl:call-template>
                <xsl:if test="c:shortfall"><br/><b><xsl:call-template name="text"><xsl:with-param name="s" select="c:shortfall"/></xsl:call-template></b></xsl:if>
                <br/><i><xsl:call-template name="source-line"><xsl:with-param name="cl" select="$cl"/></xsl:call-template></i>
              </cell>
              <cell>
                <xsl:choose>
                  <xsl:when test="@status = 'not-applicable'"/>
                  <xsl:when test="@status = 'review'">Committee finds:<br/><checkbox>met</checkbox><br/><checkbox>not met</checkbox></xsl:when>
                  <xsl:otherwise><checkbox>agree</checkbox><br/><checkbox>disagree</checkbox></xsl:otherwise>
                </xsl:choose>
              </cell>
            </row>
            <!-- the evidence, one item a row: any number of items -->
            <xsl:for-each select="c:evidence/c:item">
              <row continued="yes">
                <xsl:if test="$noted and position() = last()"><xsl:attribute name="keep-with-next">yes</xsl:attribute></xsl:if>
                <cell/><cell/>
                <cell span="2"><xsl:text>- </xsl:text><span field="evidence"><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></span><xsl:if test="@status = 'excluded' and not(contains(., 'not counted'))">: not counted</xsl:if></cell>
              </row>
            </xsl:for-each>
            <xsl:if test="@status != 'not-applicable'">
              <row min-height="8.5mm"><cell span="4"><i><xsl:value-of select="concat('Reviewer', &quot;'&quot;, 's note on ', @id)"/></i></cell></row>
            </xsl:if>
          </xsl:for-each>
        </table>
      </section>

      <section level="2" id="{concat('judgement-', $k)}">
        <heading>For the committee's judgement</heading>
        <xsl:variable name="judged" select="$cl/c:rule[@judgement = 'yes' or (@status = 'review' and not(@judgement))]"/>
        <xsl:if test="not($judged)"><p>No requirement of this application is left to the committee's judgement.</p></xsl:if>
        <xsl:for-each select="$judged">
          <keep>
            <p><b><xsl:call-template name="rule-id"/><xsl:text>: </xsl:text></b><xsl:call-template name="text"><xsl:with-param name="s" select="c:requirement"/></xsl:call-template></p>
            <p style="small"><xsl:call-template name="text"><xsl:with-param name="s" select="c:explanation"/></xsl:call-template><xsl:text> </xsl:text><i><xsl:call-template name="source-line"><xsl:with-param name="cl" select="$cl"/></xsl:call-template></i></p>
            <xsl:if test="c:evidence/c:item">
              <list field="evidence">
                <xsl:for-each select="c:evidence/c:item"><item><span field="evidence"><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></span></item></xsl:for-each>
              </list>
            </xsl:if>
            <p>
              <xsl:choose>
                <xsl:when test="@judgement = 'yes'"><checkbox>documented</checkbox><xsl:text>&#160;&#160;&#160;&#160; </xsl:text><checkbox>not documented</checkbox><xsl:text>&#160;&#160;&#160;&#160; </xsl:text><checkbox>ask the applicant</checkbox></xsl:when>
                <xsl:otherwise>Committee finds: <checkbox>met</checkbox><xsl:text>&#160;&#160;&#160;&#160; </xsl:text><checkbox>not met</checkbox><xsl:text>&#160;&#160;&#160;&#160; </xsl:text><checkbox>ask the applicant</checkbox></xsl:otherwise>
              </xsl:choose>
            </p>
            <write-space lines="2" label="Comments"/>
          </keep>
        </xsl:for-each>
      </section>

      <section level="2" id="{concat('recommendation-', $k)}">
        <heading>Recommendation</heading>
        <keep>
          <p><xsl:value-of select="concat($who, ' recommends:')"/></p>
          <p><checkbox>Endorse</checkbox><xsl:text>&#160;&#160;&#160; </xsl:text><checkbox>Request more information</checkbox><xsl:text>&#160;&#160;&#160; </xsl:text><checkbox>Defer</checkbox><xsl:text>&#160;&#160;&#160; </xsl:text><checkbox>Do not endorse</checkbox></p>
          <write-space lines="4" label="Reasons and information requested"/>
          <signature-line label="{concat('Reviewer ', $i, ': printed name')}" date-label=""/>
          <signature-line label="{concat('Reviewer ', $i, ': signature')}" date-label="Date"/>
        </keep>
      </section>
    </section>
    <xsl:if test="$i &lt; $copies">
      <xsl:call-template name="copy">
        <xsl:with-param name="cl" select="$cl"/>
        <xsl:with-param name="pf" select="$pf"/>
        <xsl:with-param name="n" select="$n"/>
        <xsl:with-param name="i" select="$i + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The page the reviewers fill in together. -->
  <xsl:template name="consensus">
    <xsl:param name="cl"/>
    <xsl:param name="pf"/>
    <xsl:param name="n"/>
    <section level="1" id="{concat('consensus-', $n)}" new-page="yes">
      <heading>Committee consensus</heading>
      <p><xsl:text>Applicant: </xsl:text><b><span field="applicant name"><xsl:call-template name="src-line"><xsl:with-param name="of" select="$pf/p:applicant/p:name"/></xsl:call-template><xsl:value-of select="$pf/p:applicant/p:name"/></span></b><xsl:value-of select="concat(', ', $cl/@title, ', ', $cl/@track-name, ' track')"/></p>
      <p style="small">Filled in by the reviewers together, after each has completed a copy of the checklist.</p>
      <!-- the date first, as minutes are: under the comments its line
           read as one more line of them -->
      <signature-line label="Meeting date" date-label=""/>
      <keep>
        <p keep-with-next="yes"><b>Decision</b></p>
        <p><checkbox>Endorse</checkbox><xsl:text>&#160;&#160;&#160; </xsl:text><checkbox>Request more information</checkbox><xsl:text>&#160;&#160;&#160; </xsl:text><checkbox>Defer</checkbox><xsl:text>&#160;&#160;&#160; </xsl:text><checkbox>Do not endorse</checkbox></p>
        <write-space lines="5" label="Comments for the applicant"/>
      </keep>
      <keep>
        <p keep-with-next="yes"><b>Conflict of interest</b></p>
        <p style="small">Each of us declares that we have no family, employment, supervisory, financial or other relationship with the applicant that could affect our judgement, or that we have declared it to the committee chair and the chair has agreed that we review this application.</p>
        <xsl:call-template name="signers"><xsl:with-param name="i" select="1"/></xsl:call-template>
      </keep>
    </section>
  </xsl:template>

  <xsl:template name="signers">
    <xsl:param name="i"/>
    <signature-line label="{concat('Reviewer ', $i, ': printed name')}" date-label=""/>
    <signature-line label="{concat('Reviewer ', $i, ': signature')}" date-label="Date"/>
    <xsl:if test="$i &lt; $copies">
      <xsl:call-template name="signers"><xsl:with-param name="i" select="$i + 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
