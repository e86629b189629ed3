<?xml version="1.0" encoding="UTF-8"?>
<!--
  roster.xsl: the chair's roster of a batch (endorse batch, roster.pdf).

  Input: <roster xmlns="urn:endorse:present:1" total= ready= needs-review=
  not-ready= failed=> with one <applicant source= label= name= association=
  track= result= result-words= not-met= shortfall=/> per applicant, already
  sorted (by result, then name), and one <failed source= label= error=/>
  per input that could not be processed.  Every number comes from the
  input (src/batch_roster.c counts); this stylesheet only lays them out.
  Parameters: created (the PDF date).  The title is the one level-1
  heading; the applicants and the failed inputs are level 2.
  Output: a layout document (schemas/layout.xsd).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:e="urn:endorse:present:1"
    xmlns="urn:endorse:layout:1"
    exclude-result-prefixes="e">

  <!-- the marks and result words every document uses -->
  <xsl:include href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="created" select="'2000-01-01'"/>

  <xsl:variable name="r" select="/e:roster"/>

  <!-- The associations of the season, each once (the PDF's author). -->
  <xsl:key name="by-association" match="e:applicant" use="@association"/>

  <xsl:template match="/">
    <document created="{$created}" page-size="letter" lang="en">
      <title><xsl:value-of select="concat('Batch roster: ', $r/@total, ' applicants')"/></title>
      <author>
        <xsl:text>Endorsement committee</xsl:text>
        <xsl:for-each select="$r/e:applicant[generate-id() = generate-id(key('by-association', @association)[1])]">
          <xsl:sort select="@association"/>
          <xsl:choose>
            <xsl:when test="position() = 1">: </xsl:when>
            <xsl:otherwise>, </xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="@association"/>
        </xsl:for-each>
      </author>
      <subject>Endorsement batch roster for the committee chair</subject>
      <keywords>endorsement, batch, roster</keywords>
      <header>
        <left>Batch roster</left>
        <right><xsl:value-of select="concat($r/@total, ' applicants')"/></right>
      </header>
      <footer>
        <left><xsl:value-of select="concat('Made ', substring($created, 1, 10))"/></left>
        <right>Page {page} of {pages}</right>
        <note>Confidential: for the endorsement committee only.</note>
      </footer>
      <body>
        <section level="1" id="totals">
          <heading>Batch roster</heading>
          <table field="totals">
            <col width="3"/><col width="1"/>
            <row><cell>Applicants</cell><cell><xsl:value-of select="$r/@total"/></cell></row>
            <row><cell><xsl:call-template name="mark"><xsl:with-param name="s" select="'met'"/><xsl:with-param name="label" select="'Ready for committee'"/></xsl:call-template></cell><cell><xsl:value-of select="$r/@ready"/></cell></row>
            <row><cell><xsl:call-template name="mark"><xsl:with-param name="s" select="'review'"/><xsl:with-param name="label" select="'Needs committee review'"/></xsl:call-template></cell><cell><xsl:value-of select="$r/@needs-review"/></cell></row>
            <row><cell><xsl:call-template name="mark"><xsl:with-param name="s" select="'not-met'"/><xsl:with-param name="label" select="'Not ready'"/></xsl:call-template></cell><cell><xsl:value-of select="$r/@not-ready"/></cell></row>
            <row><cell>Could not be processed</cell><cell><xsl:value-of select="$r/@failed"/></cell></row>
          </table>
        </section>
        <xsl:if test="$r/e:applicant">
          <section level="2" id="applicants">
            <heading>Applicants</heading>
            <table field="roster">
              <col width="18"/><col width="17"/><col width="11"/><col width="12"/><col width="15"/><col width="8"/><col width="19"/>
              <header><cell>Applicant</cell><cell>Input file</cell><cell>Assoc.</cell><cell>Track</cell><cell>Result</cell><cell>Not met</cell><cell>Main shortfall</cell></header>
              <xsl:for-each select="$r/e:applicant">
                <row>
                  <cell><span field="applicant name"><xsl:value-of select="@name"/></span></cell>
                  <cell><span field="input file"><xsl:value-of select="@source"/></span></cell>
                  <cell><span nowrap="yes"><xsl:value-of select="@association"/></span></cell>
                  <cell><xsl:value-of select="@track"/></cell>
                  <!-- the words of the totals above and of the packet and review -->
                  <cell><xsl:call-template name="result-mark"><xsl:with-param name="r" select="@result"/></xsl:call-template></cell>
                  <cell><xsl:value-of select="@not-met"/></cell>
                  <cell><span field="shortfall"><xsl:value-of select="@shortfall"/></span></cell>
                </row>
              </xsl:for-each>
            </table>
          </section>
        </xsl:if>
        <xsl:if test="$r/e:failed">
          <section level="2" id="failed">
            <heading>Inputs that could not be processed</heading>
            <table field="failed">
              <col width="35"/><col width="65"/>
              <header><cell>Input file</cell><cell>Error</cell></header>
              <xsl:for-each select="$r/e:failed">
                <row>
                  <cell><span field="input file"><xsl:value-of select="@source"/></span></cell>
                  <cell><span field="error"><xsl:value-of select="@error"/></span></cell>
                </row>
              </xsl:for-each>
            </table>
          </section>
        </xsl:if>
      </body>
    </document>
  </xsl:template>
</xsl:stylesheet>
