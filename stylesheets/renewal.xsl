<?xml version="1.0" encoding="UTF-8"?>
<!--
  renewal.xsl: the continuing-endorsement statement for one year.

  Input: <present xmlns="urn:endorse:present:1"> with one <entry> holding
  the renewal checklist (urn:endorse:checklist:1, kind="renewal", made by
  the renew command for one year) and the portfolio it was made from.
  Parameters: created (the PDF date); year (the year evaluated, for the
  title when the checklist does not carry it).
  Output: a layout document (schemas/layout.xsd), one or two pages:
  the year's hours and membership against each renewal rule (the numbers
  are the checklist's), the recommendations, what is still due, and,
  for an association whose document states no renewal rules, a page that
  says so.  Written about the endorsee, in the third person, as the packet
  is; only the statement the endorsee signs says "I".
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
  <xsl:param name="year" select="''"/>

  <xsl:variable name="cl" select="/e:present/e:entry[1]/c:checklist"/>
  <xsl:variable name="pf" select="/e:present/e:entry[1]/p:portfolio"/>
  <xsl:variable name="name" select="substring(string($pf/p:applicant/p:name), 1, 200)"/>
  <xsl:variable name="y">
    <xsl:choose>
      <xsl:when test="$cl/@year"><xsl:value-of select="$cl/@year"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$year"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- The association's document states no renewal rules. -->
  <xsl:variable name="none" select="count($cl/c:rule[@status != 'not-applicable']) = 0"/>
  <xsl:variable name="ren" select="$pf/p:renewals/p:renewal[@year = $y]"/>

  <xsl:template match="/">
    <document created="{$created}" page-size="letter" lang="en">
      <title><xsl:value-of select="concat('Continuing endorsement ', $y, ': ', $name)"/></title>
      <author><xsl:value-of select="$cl/@association-name"/></author>
      <subject><xsl:value-of select="concat('Continuing endorsement statement for ', $y)"/></subject>
      <keywords><xsl:value-of select="concat('endorsement, renewal, ', $cl/@association, ', ', $y)"/></keywords>
      <header>
        <left><xsl:value-of select="$cl/@association"/></left>
        <center><xsl:value-of select="concat('Continuing endorsement ', $y)"/></center>
        <right><xsl:value-of select="$name"/></right>
      </header>
      <footer>
        <left><xsl:value-of select="concat('Evaluated as of ', $cl/@as-of)"/></left>
        <right>Page {page} of {pages}</right>
        <!-- the statement is about an endorsee, not an applicant -->
        <note><xsl:call-template name="replace"><xsl:with-param name="s" select="$confidential"/><xsl:with-param name="from" select="'of the applicant'"/><xsl:with-param name="to" select="'of the endorsee'"/></xsl:call-template></note>
      </footer>
      <body>
        <section level="1" id="statement">
          <heading><xsl:value-of select="concat('Continuing endorsement statement for ', $y)"/></heading>
          <table field="endorsee">
            <col width="1"/><col width="3"/>
            <row><cell>Endorsee</cell><cell><b><span field="endorsee name"><xsl:call-template name="src-line"><xsl:with-param name="of" select="$pf/p:applicant/p:name"/></xsl:call-template><xsl:value-of select="$pf/p:applicant/p:name"/></span></b></cell></row>
            <xsl:if test="$pf/p:applicant/p:email">
              <row><cell>E-mail</cell><cell><span field="endorsee e-mail"><xsl:call-template name="src-line"><xsl:with-param name="of" select="$pf/p:applicant/p:email"/></xsl:call-template><xsl:value-of select="$pf/p:applicant/p:email"/></span></cell></row>
            </xsl:if>
            <row><cell>Association</cell><cell><xsl:call-template name="association"><xsl:with-param name="cl" select="$cl"/></xsl:call-template></cell></row>
            <row><cell>Endorsement</cell><cell><xsl:value-of select="concat('Level ', $cl/@level, ', ', $cl/@track-name, ' track')"/></cell></row>
            <row><cell>Year</cell><cell><xsl:value-of select="$y"/></cell></row>
            <row><cell>Evaluated as of</cell><cell><xsl:value-of select="$cl/@as-of"/></cell></row>
            <xsl:if test="not($none)">
              <row><cell>Result</cell><cell><xsl:call-template name="result-mark"><xsl:with-param name="r" select="$cl/@result"/></xsl:call-template></cell></row>
            </xsl:if>
          </table>
          <xsl:choose>
            <xsl:when test="$none">
              <p><xsl:call-template name="text"><xsl:with-param name="s" select="concat('The ', $cl/@association, ' requirements (', $cl/@document, ') state no rules for continuing endorsement: there are no yearly hours, membership or other conditions to check for ', $y, '.')"/></xsl:call-template></p>
              <p style="small">The association can say how it renews an endorsement. The rules the requirements leave unstated are listed below, each with the line of the requirements where this is noted.</p>
            </xsl:when>
            <xsl:otherwise>
              <p><xsl:call-template name="text"><xsl:with-param name="s" select="$cl/c:summary"/></xsl:call-template></p>
            </xsl:otherwise>
          </xsl:choose>
        </section>

        <section level="2" id="rules">
          <heading>The year against the renewal rules</heading>
          <table field="renewal rules">
            <col width="10"/><col width="20"/><col width="36"/><col width="34"/>
            <header><cell>Rule</cell><cell>Status</cell><cell>Requirement</cell><cell><xsl:value-of select="concat('In ', $y)"/></cell></header>
            <xsl:for-each select="$cl/c:rule">
              <row>
                <cell><xsl:call-template name="rule-id"/></cell>
                <cell>
                  <xsl:choose>
                    <xsl:when test="@status = 'advice'"><mark shape="info">Recommended</mark></xsl:when>
                    <xsl:when test="$none"><mark shape="dash">Not stated</mark></xsl:when>
                    <xsl:otherwise><xsl:call-template name="mark"><xsl:with-param name="s" select="@status"/></xsl:call-template></xsl:otherwise>
                  </xsl:choose>
                </cell>
                <cell><xsl:call-template name="text"><xsl:with-param name="s" select="c:requirement"/></xsl:call-template><br/><i><xsl:call-template name="source-line"><xsl:with-param name="cl" select="$cl"/></xsl:call-template></i></cell>
                <cell>
                  <xsl:call-template name="text"><xsl:with-param name="s" select="c:explanation"/></xsl:call-template>
                  <xsl:if test="c:shortfall"><br/><b><xsl:call-template name="text"><xsl:with-param name="s" select="c:shortfall"/></xsl:call-template></b></xsl:if>
                  <xsl:for-each select="c:evidence/c:item"><br/><span field="evidence"><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></span></xsl:for-each>
                </cell>
              </row>
            </xsl:for-each>
          </table>
        </section>

        <!-- every membership record the renewal rule reads: the year's own
             and the portfolio's current one (REN-3's finding names the
             one it counted) -->
        <xsl:variable name="memberships" select="$ren/p:membership | $pf/p:attestations/p:membership"/>
        <xsl:if test="$memberships">
          <section level="2" id="membership">
            <heading>Membership</heading>
            <list field="membership">
              <xsl:for-each select="$ren/p:membership">
                <item><xsl:call-template name="text"><xsl:with-param name="s" select="concat(@association, ': paid through ', @paid-through, ' (recorded for ', $y, ')')"/></xsl:call-template></item>
              </xsl:for-each>
              <xsl:for-each select="$pf/p:attestations/p:membership">
                <item><xsl:call-template name="text"><xsl:with-param name="s" select="concat(@association, ': paid through ', @paid-through, ' (current membership)')"/></xsl:call-template></item>
              </xsl:for-each>
            </list>
          </section>
        </xsl:if>

        <xsl:if test="not($none)">
          <section level="2" id="due">
            <heading>Still due</heading>
            <xsl:choose>
              <xsl:when test="$cl/c:missing/c:item">
                <list field="still due">
                  <xsl:for-each select="$cl/c:missing/c:item">
                    <item><b><xsl:call-template name="rule-id"><xsl:with-param name="id" select="@rule"/></xsl:call-template></b>: <xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></item>
                  </xsl:for-each>
                </list>
              </xsl:when>
              <xsl:otherwise><p><xsl:value-of select="concat('Nothing is due for ', $y, '.')"/></p></xsl:otherwise>
            </xsl:choose>
            <xsl:if test="$cl/c:rule[@status = 'advice']">
              <!-- each with how the year stands ("followed", "not the case
                   here"): the recommendation itself is in the table, and
                   a followed one is not due -->
              <p style="small" keep-with-next="yes">Recommended by the association, not required:</p>
              <list field="recommendations">
                <xsl:for-each select="$cl/c:rule[@status = 'advice']">
                  <item><b><xsl:call-template name="rule-id"/></b>: <xsl:call-template name="text"><xsl:with-param name="s" select="c:explanation"/></xsl:call-template></item>
                </xsl:for-each>
              </list>
            </xsl:if>
          </section>
        </xsl:if>

        <xsl:if test="not($none)">
          <section level="2" id="signature">
            <heading>Statement</heading>
            <keep>
              <p><xsl:value-of select="concat('I state that the training, membership and reflective supervision/consultation recorded for ', $y, ' are true and complete.')"/></p>
              <signature-line label="Endorsee: printed name" date-label=""/>
              <signature-line label="Endorsee: signature" date-label="Date"/>
            </keep>
          </section>
        </xsl:if>
      </body>
    </document>
  </xsl:template>

</xsl:stylesheet>
