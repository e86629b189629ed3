<?xml version="1.0" encoding="UTF-8"?>
<!--
  evaluate.xsl: stage 2.  Portfolio + an association's rule file -> checklist.

  Input: a portfolio valid against schemas/applicant.xsd.
  Parameters (set by endorse):
    rules        path of the rule file (the only document() this reads)
    as-of        evaluation date, YYYY-MM-DD
    association  association to evaluate against ('' = the portfolio's)
    track        track to evaluate ('' = the portfolio's)
    kind         'initial' or 'renewal'
    year         the calendar year, for renewal
  Output: a checklist (schemas/checklist.xsd).

  Every verdict explains itself in one sentence, lists its evidence and,
  when not met, the exact shortfall.  Arithmetic on hours is done in
  integer hundredths; dates become day numbers (days since 1970-01-01,
  ef:day).  Each rule type is one template, chosen by the rule's element: a
  new association is a new rule file, not a change here.

  The facts every rule reads are computed once (eval-facts.xsl), in time
  linear in the portfolio's entries: keys and the ef: extension functions
  of src/evaluate.c for grouping, running sums, the RS/C window and the
  union of periods.  The rule families live in their own modules, all in
  this directory (SECURITY.md rule 9).
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

  <xsl:include href="words.xsl"/>
  <xsl:include href="eval-helpers.xsl"/>
  <xsl:include href="eval-facts.xsl"/>
  <xsl:include href="eval-attestations.xsl"/>
  <xsl:include href="eval-education.xsl"/>
  <xsl:include href="eval-experience.xsl"/>
  <xsl:include href="eval-rsc.xsl"/>
  <xsl:include href="eval-references.xsl"/>
  <xsl:include href="eval-renewal.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="rules"/>
  <xsl:param name="as-of"/>
  <xsl:param name="association" select="''"/>
  <xsl:param name="track" select="''"/>
  <xsl:param name="kind" select="'initial'"/>
  <xsl:param name="year" select="''"/>

  <xsl:variable name="pf" select="/p:portfolio"/>
  <xsl:variable name="req" select="document($rules)/r:requirements"/>
  <xsl:variable name="assoc" select="$req/@association"/>
  <xsl:variable name="trk">
    <xsl:choose>
      <xsl:when test="$track != ''"><xsl:value-of select="$track"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$pf/p:application/@track"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="level" select="$pf/p:application/@level"/>
  <xsl:variable name="today" select="ef:day($as-of)"/>
  <xsl:variable name="as-of-num" select="number(translate($as-of, '-', ''))"/>

  <!-- The rule set in force on the evaluation date: the latest one. -->
  <xsl:variable name="ruleset-rtf">
    <xsl:for-each select="$req/r:ruleset[@kind = $kind and @level = $level and
        number(translate(@effective, '-', '')) &lt;= $as-of-num]">
      <xsl:sort select="translate(@effective, '-', '')" data-type="number" order="descending"/>
      <xsl:if test="position() = 1"><k><xsl:value-of select="count(preceding-sibling::r:ruleset)"/></k></xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="ruleset" select="$req/r:ruleset[count(preceding-sibling::r:ruleset) = number(exsl:node-set($ruleset-rtf)/c:k)]"/>

  <!-- The tracks are the rule file's. -->
  <xsl:variable name="track-name">
    <xsl:choose>
      <xsl:when test="$req/r:tracks"><xsl:value-of select="$req/r:tracks/r:track[@id = $trk]/@name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$trk"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- ============================================================ -->
  <!-- The checklist                                                -->
  <!-- ============================================================ -->

  <xsl:template match="/">
    <xsl:if test="not($req)">
      <xsl:message terminate="yes">the rule file cannot be read</xsl:message>
    </xsl:if>
    <xsl:if test="not($ruleset)">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat($assoc, ' has no ', $kind, ' rules for Level ', $level, ' in force on ', $as-of)"/>
      </xsl:message>
    </xsl:if>
    <xsl:if test="$req/r:tracks and not($req/r:tracks/r:track[@id = $trk])">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('line ', ef:line($pf/p:application), ': ', $assoc, ' has no track ', &quot;'&quot;, $trk, &quot;'&quot;)"/>
      </xsl:message>
    </xsl:if>
    <xsl:variable name="rows-rtf">
      <xsl:for-each select="$ruleset/r:*">
        <xsl:call-template name="rule"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="rows" select="exsl:node-set($rows-rtf)/c:rule"/>
    <!-- nothing to check: every rule of the set is not applicable -->
    <xsl:variable name="unspecified" select="$ruleset/@unspecified and not($rows[@status != 'not-applicable'])"/>
    <xsl:variable name="result">
      <xsl:choose>
        <xsl:when test="$rows[@status = 'not-met' or @status = 'pending']">not-ready</xsl:when>
        <xsl:when test="$rows[@status = 'review' and not(@judgement = 'yes')]">needs-review</xsl:when>
        <xsl:otherwise>ready</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <checklist association="{$assoc}" association-name="{$req/@name}"
        level="{$level}" track="{$trk}" track-name="{$track-name}"
        kind="{$kind}" as-of="{$as-of}" title="{$ruleset/@title}"
        document="{$req/@document}" result="{$result}">
      <xsl:if test="$kind = 'renewal'"><xsl:attribute name="year"><xsl:value-of select="$year"/></xsl:attribute></xsl:if>
      <xsl:if test="$pf/p:application/@association != $assoc">
        <xsl:attribute name="applied-to"><xsl:value-of select="$pf/p:application/@association"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$unspecified"><xsl:attribute name="unspecified">true</xsl:attribute></xsl:if>
      <applicant>
        <name><xsl:value-of select="$pf/p:applicant/p:name"/></name>
        <xsl:if test="$pf/p:applicant/p:email"><email><xsl:value-of select="$pf/p:applicant/p:email"/></email></xsl:if>
      </applicant>
      <summary>
        <xsl:attribute name="met"><xsl:value-of select="count($rows[@status = 'met'])"/></xsl:attribute>
        <xsl:attribute name="not-met"><xsl:value-of select="count($rows[@status = 'not-met'])"/></xsl:attribute>
        <xsl:attribute name="pending"><xsl:value-of select="count($rows[@status = 'pending'])"/></xsl:attribute>
        <xsl:attribute name="review"><xsl:value-of select="count($rows[@status = 'review'])"/></xsl:attribute>
        <xsl:attribute name="not-applicable"><xsl:value-of select="count($rows[@status = 'not-applicable'])"/></xsl:attribute>
        <xsl:attribute name="advice"><xsl:value-of select="count($rows[@status = 'advice'])"/></xsl:attribute>
        <xsl:choose>
          <xsl:when test="$unspecified"><xsl:value-of select="$ruleset/@unspecified"/></xsl:when>
          <xsl:when test="$result = 'not-ready'">Not ready: <xsl:call-template name="n"><xsl:with-param name="n" select="count($rows[@status = 'not-met' or @status = 'pending'])"/><xsl:with-param name="one" select="'requirement'"/></xsl:call-template> not met yet.</xsl:when>
          <xsl:when test="$result = 'needs-review'">Needs committee review: every requirement that can be checked automatically is met, but <xsl:call-template name="n"><xsl:with-param name="n" select="count($rows[@status = 'review' and not(@judgement = 'yes')])"/><xsl:with-param name="one" select="'rule needs'"/><xsl:with-param name="many" select="'rules need'"/></xsl:call-template> the committee's judgement.</xsl:when>
          <xsl:otherwise>Ready for committee: every requirement that can be checked automatically is met.</xsl:otherwise>
        </xsl:choose>
      </summary>
      <xsl:if test="$kind = 'initial'">
        <xsl:call-template name="totals"/>
      </xsl:if>
      <xsl:copy-of select="$rows"/>
      <missing>
        <xsl:for-each select="$rows[@status = 'not-met' or @status = 'pending']">
          <item rule="{@id}"><xsl:value-of select="c:shortfall"/></item>
        </xsl:for-each>
      </missing>
    </checklist>
  </xsl:template>

  <xsl:template name="totals">
    <xsl:variable name="trule" select="$ruleset/r:hours[1]"/>
    <xsl:variable name="train-rtf"><xsl:call-template name="training-entries"/></xsl:variable>
    <xsl:variable name="train" select="exsl:node-set($train-rtf)/c:t"/>
    <totals>
      <training-hours>
        <xsl:attribute name="recorded"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="sum($train/@h)"/></xsl:call-template></xsl:attribute>
        <xsl:if test="$trule/@min"><xsl:attribute name="need"><xsl:value-of select="$trule/@min"/></xsl:attribute></xsl:if>
        <xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="sum($train/@c)"/></xsl:call-template>
      </training-hours>
      <rsc-hours>
        <xsl:attribute name="recorded">
          <xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="sum($sessions/@h)"/></xsl:call-template>
        </xsl:attribute>
        <xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$rsc-total"/></xsl:call-template>
      </rsc-hours>
      <xsl:if test="$window">
        <rsc-window from="{$window/@from}" to="{$window/@to}" sessions="{$window/@n}" valid="{$window/@valid}"
            first-end="{$window/@first-end}" last-end="{$window/@last-end}"
            min-months="{$wrule/@min-months}" max-months="{$wrule/@max-months}">
          <xsl:attribute name="hours"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$window/@hours"/></xsl:call-template></xsl:attribute>
          <xsl:if test="$wrule/@min"><xsl:attribute name="need"><xsl:value-of select="$wrule/@min"/></xsl:attribute></xsl:if>
        </rsc-window>
      </xsl:if>
      <xsl:for-each select="$ruleset/r:experience">
        <xsl:variable name="rule" select="."/>
        <xsl:if test="not(@tracks) or contains(concat(' ', @tracks, ' '), concat(' ', $trk, ' '))">
          <xsl:variable name="best" select="$measured[@rule = $rule/@id]/c:path[@used = 'true']"/>
          <xsl:for-each select="$best/c:span">
            <experience rule="{$rule/@id}" days="{@days}" need="{@need}" path="{$best/@name}" post-graduate="{@post-graduate}">
              <xsl:value-of select="@label"/>
            </experience>
          </xsl:for-each>
        </xsl:if>
      </xsl:for-each>
      <raters distinct="{count($raters)}" requested="{count($refs)}"/>
      <xsl:if test="$grad">
        <graduate date="{$grad/@date}"><xsl:value-of select="$grad"/></graduate>
      </xsl:if>
      <xsl:if test="$ruleset/r:degree">
        <post-graduate>
          <xsl:attribute name="basis">
            <xsl:choose>
              <xsl:when test="$grad/@basis"><xsl:value-of select="$grad/@basis"/></xsl:when>
              <xsl:otherwise>none</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:if test="$grad"><xsl:attribute name="from"><xsl:value-of select="$grad/@from"/></xsl:attribute></xsl:if>
          <xsl:value-of select="$grad-why"/>
        </post-graduate>
      </xsl:if>
      <xsl:variable name="arule" select="$ruleset/r:judgement[@evidence = 'competencies'][1]"/>
      <xsl:if test="$arule/r:area">
        <xsl:variable name="areas-rtf"><xsl:call-template name="areas"><xsl:with-param name="rule" select="$arule"/></xsl:call-template></xsl:variable>
        <xsl:variable name="areas" select="exsl:node-set($areas-rtf)/c:area"/>
        <competencies covered="{count($areas[@covered = 'true'])}" of="{count($areas)}">
          <xsl:copy-of select="$areas"/>
        </competencies>
      </xsl:if>
    </totals>
  </xsl:template>

  <!-- One row: the common frame, then the type's own verdict. -->
  <xsl:template name="rule">
    <xsl:variable name="rule" select="."/>
    <xsl:variable name="applies" select="not(@tracks) or contains(concat(' ', @tracks, ' '), concat(' ', $trk, ' '))"/>
    <xsl:variable name="verdict-rtf">
      <xsl:choose>
        <xsl:when test="self::r:not-applicable">
          <v status="not-applicable"><x><xsl:value-of select="r:otherwise"/></x></v>
        </xsl:when>
        <xsl:when test="not($applies) and r:otherwise/@status = 'advice-if-none' and count($sessions) = 0">
          <v status="advice"><x><xsl:value-of select="concat(r:otherwise, ' None is recorded.')"/></x></v>
        </xsl:when>
        <xsl:when test="not($applies)">
          <v status="not-applicable">
            <x>
              <xsl:choose>
                <xsl:when test="r:otherwise"><xsl:value-of select="r:otherwise"/></xsl:when>
                <xsl:otherwise>Not required for the <xsl:value-of select="$track-name"/> track.</xsl:otherwise>
              </xsl:choose>
            </x>
          </v>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="." mode="verdict"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="v" select="exsl:node-set($verdict-rtf)/c:v"/>
    <!-- an advice rule (the rule file says which) never changes the result -->
    <xsl:variable name="status">
      <xsl:choose>
        <xsl:when test="@advice = 'true' and $v/@status != 'not-applicable'">advice</xsl:when>
        <xsl:otherwise><xsl:value-of select="$v/@status"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- the line that states what was used (a path's own line) -->
    <xsl:variable name="line">
      <xsl:choose>
        <xsl:when test="$v/@line != ''"><xsl:value-of select="$v/@line"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@line"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <rule id="{@id}" status="{$status}" source="{$req/@document}:{$line}" line="{$line}">
      <!-- a not-applicable rule shows the kind it has where it applies -->
      <xsl:attribute name="type">
        <xsl:choose>
          <xsl:when test="@as"><xsl:value-of select="@as"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="self::r:judgement"><xsl:attribute name="judgement">yes</xsl:attribute></xsl:if>
      <requirement><xsl:value-of select="normalize-space(r:text)"/></requirement>
      <explanation><xsl:value-of select="normalize-space($v/c:x)"/></explanation>
      <xsl:if test="$v/c:short">
        <shortfall><xsl:value-of select="normalize-space($v/c:short)"/></shortfall>
      </xsl:if>
      <xsl:if test="r:note"><note><xsl:value-of select="normalize-space(r:note)"/></note></xsl:if>
      <xsl:if test="$v/c:item">
        <evidence><xsl:copy-of select="$v/c:item"/></evidence>
      </xsl:if>
      <xsl:if test="$v/c:entry">
        <entries>
          <xsl:for-each select="$v/c:entry"><item><xsl:copy-of select="@* | node()"/></item></xsl:for-each>
        </entries>
      </xsl:if>
    </rule>
  </xsl:template>

</xsl:stylesheet>
